import { tierPriority, type UrgencyTier } from "@/lib/catalog/tiers";
import type { ApplicationStatus, WorkflowNode } from "@/lib/generated/prisma/enums";
import { WARN_FRACTION } from "@/lib/sla/sla-state";

/**
 * Tier changes after submission (issue 16, decision 032), pure: what a case's due times and fee
 * become when staff accept it as standard or the applicant pays to upgrade it. The mutations
 * (tier-mutations.ts) read the catalog and write what these return.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Before the decision: a tier still changes what the case is promised. */
const UNDECIDED: readonly ApplicationStatus[] = ["IN_PROGRESS", "AWAITING_APPLICANT"];

export function isUndecided(status: ApplicationStatus): boolean {
  return UNDECIDED.includes(status);
}

export type TierTargets = {
  processingHours: number;
  nodeTargets: readonly { node: WorkflowNode | string; targetMinutes: number }[];
};

export type TimedCase = {
  currentNode: WorkflowNode;
  status: ApplicationStatus;
  submittedAt: Date;
  /** When the current node started (for a supplement request: when the pause started). */
  nodeEnteredAt: Date;
  nodeDueAt: Date | null;
  caseDueAt: Date | null;
  /** Earlier pauses, already added to caseDueAt; the current one is added when the applicant answers. */
  pausedMinutes: number;
  slaWarnedAt: Date | null;
  slaEscalatedAt: Date | null;
};

export type Retimed = {
  nodeDueAt: Date | null;
  caseDueAt: Date;
  slaWarnedAt: Date | null;
  slaEscalatedAt: Date | null;
};

/**
 * The node's target in the tier. A case still at SUBMITTED waits for its material check, so it
 * takes the rule of a new case (lib/applications/deadline.ts initialDueDates): the SUBMITTED
 * target, else MATERIAL_CHECK's, else a tenth of the case time.
 */
function nodeMinutes(node: WorkflowNode, tier: TierTargets): number | null {
  const find = (name: string) => tier.nodeTargets.find((row) => row.node === name)?.targetMinutes;
  if (node === "SUBMITTED")
    return find("SUBMITTED") ?? find("MATERIAL_CHECK") ?? Math.round(tier.processingHours * 6);
  return find(node) ?? null;
}

const minDate = (a: Date | null, b: Date | null) =>
  a === null ? b : b === null ? a : a.getTime() <= b.getTime() ? a : b;

/**
 * The overdue watch warns and escalates once per node. A flag whose moment under the new due time
 * is still to come is cleared, so the watch speaks again at the right time; a flag for a moment
 * that has passed under the new times too stays, so nobody hears the same alarm twice.
 */
function flags(c: TimedCase, nodeDueAt: Date | null, now: Date) {
  if (!nodeDueAt) return { slaWarnedAt: c.slaWarnedAt, slaEscalatedAt: c.slaEscalatedAt };
  const span = Math.max(0, nodeDueAt.getTime() - c.nodeEnteredAt.getTime());
  const warnAt = c.nodeEnteredAt.getTime() + span * WARN_FRACTION;
  return {
    slaWarnedAt: now.getTime() < warnAt ? null : c.slaWarnedAt,
    slaEscalatedAt: now.getTime() <= nodeDueAt.getTime() ? null : c.slaEscalatedAt,
  };
}

/**
 * "Accept as standard": the case is timed as if it had been filed on the standard route, from its
 * submission (plus the time already spent waiting for the applicant), and its current node from
 * when it entered that node. Staff's judgement does not restart the clock: the applicant keeps the
 * time already elapsed. While a supplement request is open its answer deadline stays as it is.
 */
export function retimeAsStandard(c: TimedCase, standard: TierTargets, now: Date): Retimed {
  const caseDueAt = new Date(
    c.submittedAt.getTime() + standard.processingHours * HOUR + c.pausedMinutes * MINUTE,
  );
  if (c.status === "AWAITING_APPLICANT") return { nodeDueAt: c.nodeDueAt, caseDueAt, ...flags(c, null, now) };
  const minutes = nodeMinutes(c.currentNode, standard);
  const nodeDueAt =
    minutes === null ? null : minDate(new Date(c.nodeEnteredAt.getTime() + minutes * MINUTE), caseDueAt);
  return { nodeDueAt, caseDueAt, ...flags(c, nodeDueAt, now) };
}

/**
 * An upgrade, timed from the moment it is paid (while the case waits for the applicant: from when
 * that pause started, since the pause is added to the case time when they answer, so the new tier's
 * time runs from the answer). An upgrade never makes a promise later: each due time is the earlier
 * of the old one and the new tier's.
 */
export function retimeForUpgrade(c: TimedCase, faster: TierTargets, paidAt: Date): Retimed {
  const clockStart = c.status === "AWAITING_APPLICANT" ? c.nodeEnteredAt : paidAt;
  const caseDueAt = minDate(c.caseDueAt, new Date(clockStart.getTime() + faster.processingHours * HOUR))!;
  if (c.status === "AWAITING_APPLICANT")
    return { nodeDueAt: c.nodeDueAt, caseDueAt, ...flags(c, null, paidAt) };
  const minutes = nodeMinutes(c.currentNode, faster);
  const fromTarget = minutes === null ? null : new Date(paidAt.getTime() + minutes * MINUTE);
  const nodeDueAt = minDate(minDate(c.nodeDueAt, fromTarget), caseDueAt);
  return { nodeDueAt, caseDueAt, ...flags(c, nodeDueAt, paidAt) };
}

/**
 * What the surcharge becomes and the difference that moves. Downgrade: the standard surcharge (never
 * more than what the case carries), the rest goes back when it was paid. Upgrade: the faster tier's
 * surcharge, the difference is paid (never negative: a faster tier priced below what the case carries
 * costs nothing and lowers nothing). So the case's surcharge is always what was paid and not refunded.
 */
export function surchargeChange(currentMinor: number, targetMinor: number, direction: "down" | "up") {
  const differenceMinor =
    direction === "down" ? Math.max(0, currentMinor - targetMinor) : Math.max(0, targetMinor - currentMinor);
  const surchargeMinor =
    direction === "down" ? currentMinor - differenceMinor : currentMinor + differenceMinor;
  return { surchargeMinor, differenceMinor };
}

/** Tiers faster than `tier` among the offered ones, slowest first. */
export function fasterTiers<T extends { tier: UrgencyTier }>(tier: UrgencyTier, offered: readonly T[]): T[] {
  return offered
    .filter((row) => tierPriority(row.tier) > tierPriority(tier))
    .sort((a, b) => tierPriority(a.tier) - tierPriority(b.tier));
}

/** The provider's idempotency key of an upgrade: one per case and target tier (a double click pays once). */
export const upgradeIdempotencyKey = (applicationId: string, tier: UrgencyTier) =>
  `tier-upgrade:${applicationId}:${tier}`;
