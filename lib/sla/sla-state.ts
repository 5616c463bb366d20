/**
 * The SLA clock of one case, pure: the overdue watch (lib/sla/mutations.ts) and every screen that
 * shows due times read it the same way. The watch repeats these rules in SQL; the constants below
 * are what both use.
 */
import { isStaffTurn } from "@/lib/console/queue-due";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

const MINUTE = 60_000;

/** Share of a node's time after which its assignee is warned (issue 6: "reaches 75 % of its target"). */
export const WARN_FRACTION = 0.75;

export type SlaLevel = "none" | "paused" | "onTrack" | "warning" | "overdue";

export type SlaInput = {
  /** When the case entered its current node: the node's clock starts here. */
  nodeEnteredAt: Date;
  nodeDueAt: Date | null;
  status: ApplicationStatus;
  now: Date;
  /** Minutes already spent waiting for the applicant on earlier supplement requests. */
  pausedMinutes?: number;
};

export type SlaState = {
  level: SlaLevel;
  /** Share of the node's time used so far (0 at entry, 1 at the due time, above 1 when late); null without a due time. */
  fraction: number | null;
  /** When the 75 % warning falls due; null without a due time. */
  warnAt: Date | null;
  /** How late staff are, in ms; 0 unless it is staff's turn and the due time has passed. */
  overdueBy: number;
  /** Waiting for the applicant: the case clock stands still and the node never goes overdue. */
  paused: boolean;
  /** Start of the current pause (the supplement request), while paused. */
  pausedSince: Date | null;
  /** Every pause of the case so far, the current one included, in ms. */
  pausedMs: number;
};

export function slaState({ nodeEnteredAt, nodeDueAt, status, now, pausedMinutes = 0 }: SlaInput): SlaState {
  const paused = status === "AWAITING_APPLICANT";
  const pausedSince = paused ? nodeEnteredAt : null;
  // A wait counts only up to the supplement's due time: after a lapse the clock runs (decision 034).
  const waitEnd = Math.min(now.getTime(), nodeDueAt?.getTime() ?? now.getTime());
  const pausedMs = pausedMinutes * MINUTE + (paused ? Math.max(0, waitEnd - nodeEnteredAt.getTime()) : 0);
  const base = { paused, pausedSince, pausedMs, overdueBy: 0 };
  if (!nodeDueAt) return { ...base, level: levelWithoutDue(status), fraction: null, warnAt: null };

  const span = nodeDueAt.getTime() - nodeEnteredAt.getTime();
  const elapsed = Math.max(0, now.getTime() - nodeEnteredAt.getTime());
  const fraction = span > 0 ? elapsed / span : now.getTime() >= nodeDueAt.getTime() ? 1 : 0;
  const warnAt = new Date(nodeEnteredAt.getTime() + Math.max(0, span) * WARN_FRACTION);
  if (!isStaffTurn(status)) return { ...base, level: levelWithoutDue(status), fraction, warnAt };

  // Late as the queue counts it (due time strictly passed), so the watch and the red flag agree.
  const late = now.getTime() - nodeDueAt.getTime();
  if (late > 0) return { ...base, level: "overdue", fraction, warnAt, overdueBy: late };
  return { ...base, level: now.getTime() >= warnAt.getTime() ? "warning" : "onTrack", fraction, warnAt };
}

/** No clock to read (no due time, or a closed case): only a pause is worth saying. */
function levelWithoutDue(status: ApplicationStatus): SlaLevel {
  return status === "AWAITING_APPLICANT" ? "paused" : "none";
}

export type DeadlineInput = { caseDueAt: Date | null; neededBy: Date; closedAt: Date | null; now: Date };

/**
 * The applicant's needed-by date can no longer be met: the case is planned to finish after it, or
 * it has passed with the case still open. A supervisor decides what happens (issue 6, item 2).
 */
export function deadlineAtRisk({ caseDueAt, neededBy, closedAt, now }: DeadlineInput): boolean {
  if (closedAt) return false;
  return (
    (caseDueAt !== null && caseDueAt.getTime() > neededBy.getTime()) || now.getTime() > neededBy.getTime()
  );
}

export type ExpeditedInput = {
  escalatedAt: Date;
  nodeEnteredAt: Date;
  nodeDueAt: Date | null;
  /** The node's target for the case's service and tier, when an admin set one. */
  targetMinutes?: number | null;
};

/**
 * The new expected time told to the applicant when the node is escalated: the node's target again,
 * counted from the escalation (without a target, the time the node was first given).
 */
export function expeditedExpectedAt({
  escalatedAt,
  nodeEnteredAt,
  nodeDueAt,
  targetMinutes,
}: ExpeditedInput): Date | null {
  const minutes =
    targetMinutes ?? (nodeDueAt ? (nodeDueAt.getTime() - nodeEnteredAt.getTime()) / MINUTE : null);
  if (minutes === null || minutes <= 0) return null;
  return new Date(escalatedAt.getTime() + minutes * MINUTE);
}
