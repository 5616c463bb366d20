import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Statuses in which the next move is staff's. A case AWAITING_APPLICANT is waiting on the
 * applicant's supplement: its due time is theirs, so it is never "overdue" for staff.
 */
export const STAFF_TURN_STATUSES = [
  "IN_PROGRESS",
  "APPROVED",
] as const satisfies readonly ApplicationStatus[];

export type DueState =
  | { kind: "closed" }
  | { kind: "none" }
  | { kind: "waitingForApplicant"; dueAt: Date | null }
  | { kind: "scheduled"; startsAt: Date }
  | { kind: "due"; dueAt: Date }
  | { kind: "overdue"; dueAt: Date; lateMs: number };

type DueInput = {
  status: ApplicationStatus;
  closedAt: Date | null;
  nodeDueAt: Date | null;
  /** "Start next morning" (decision 035): not timed before then. */
  scheduledStartAt?: Date | null;
};

export function isStaffTurn(status: ApplicationStatus): boolean {
  return (STAFF_TURN_STATUSES as readonly ApplicationStatus[]).includes(status);
}

/** What the queue says about a case's current node: due, overdue (staff's turn only), or waiting. */
export function dueStateOf(row: DueInput, now: Date): DueState {
  if (row.closedAt) return { kind: "closed" };
  if (row.status === "AWAITING_APPLICANT") return { kind: "waitingForApplicant", dueAt: row.nodeDueAt };
  if (row.scheduledStartAt) return { kind: "scheduled", startsAt: row.scheduledStartAt };
  if (!row.nodeDueAt || !isStaffTurn(row.status)) return { kind: "none" };
  const lateMs = now.getTime() - row.nodeDueAt.getTime();
  // Same rule as the "overdue" filter (node_due_at < now), so a flagged case is always in that list.
  return lateMs > 0
    ? { kind: "overdue", dueAt: row.nodeDueAt, lateMs }
    : { kind: "due", dueAt: row.nodeDueAt };
}

export type DurationUnit = "days" | "hours" | "minutes";
export type DurationPart = { unit: DurationUnit; count: number };

/**
 * How late, for people: the largest unit and, when not zero, the one below it, rounded down to the
 * minute ("2 d 3 h", "3 h 20 min", "45 min"). Under a minute still reads "1 min": a case flagged
 * overdue must never say "0 min" late.
 */
export function latenessParts(lateMs: number): DurationPart[] {
  const minutes = Math.max(1, Math.floor(lateMs / MINUTE));
  const counts: DurationPart[] = [
    { unit: "days", count: Math.floor((minutes * MINUTE) / DAY) },
    { unit: "hours", count: Math.floor(((minutes * MINUTE) % DAY) / HOUR) },
    { unit: "minutes", count: minutes % 60 },
  ];
  const largest = counts.findIndex((part) => part.count > 0);
  return counts.slice(largest, largest + 2).filter((part) => part.count > 0);
}

/** Only the shape of next-intl's `t` that this needs, so the function stays pure and testable. */
export type DurationTranslate = (key: string, values: { count: number }) => string;

/**
 * `t` is the "queue" namespace: "duration.short.*" is what the badge shows ("3 h 20 min"),
 * "duration.long.*" what screen readers hear ("3 hours 20 minutes").
 */
export function formatLateness(lateMs: number, t: DurationTranslate, style: "short" | "long"): string {
  return latenessParts(lateMs)
    .map((part) => t(`duration.${style}.${part.unit}`, { count: part.count }))
    .join(" ");
}
