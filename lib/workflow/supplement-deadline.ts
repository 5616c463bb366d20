import { CASE_STAFF, actorFor, type WorkflowViewer } from "./actors";
import { SUPPLEMENT_NODE, SUPPLEMENT_RETURN_NODE, type WorkflowNode } from "./nodes";
import type { CaseState } from "./transitions";

/**
 * The supplement's due time (decision 034): reminders before it, and what staff may do once it has
 * passed unanswered. Pure: every rule takes `now`.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Lead times of the reminders, in hours before the due time, largest first. */
export const REMINDER_HOURS = [24, 2] as const;

export type ReminderInput = {
  dueAt: Date;
  /** When the current due time was set: the request's creation, or staff's last extension. */
  setAt: Date;
  /** The smallest lead time already sent or passed over (null: none yet). */
  remindedHours: number | null;
  now: Date;
};

/**
 * The lead time whose reminder is due now, or null. A lead time counts only when its moment was
 * still ahead when the due time was set (a 12-hour deadline gets no 24-hour reminder); a run that
 * comes late sends only the nearest reminder due, never two at once, and never one it already sent.
 */
export function reminderDue({ dueAt, setAt, remindedHours, now }: ReminderInput): number | null {
  if (now.getTime() >= dueAt.getTime()) return null;
  const due = REMINDER_HOURS.filter((hours) => {
    const at = dueAt.getTime() - hours * HOUR;
    return at > setAt.getTime() && at <= now.getTime() && (remindedHours === null || hours < remindedHours);
  });
  return due.length > 0 ? Math.min(...due) : null;
}

export function isLapsed(dueAt: Date, now: Date): boolean {
  return now.getTime() >= dueAt.getTime();
}

/**
 * Minutes of one wait for the applicant that do not count against staff: from when the due time
 * was set until the answer or staff's action, but never past the due time itself. Once the request
 * lapses the case is staff's again, flagged, and the time until they act counts (decision 034).
 */
export function pausedMinutesOf({ setAt, dueAt, now }: { setAt: Date; dueAt: Date; now: Date }): number {
  const end = Math.min(now.getTime(), dueAt.getTime());
  return Math.max(0, Math.round((end - setAt.getTime()) / MINUTE));
}

/** Where "continue without it" goes: the step that asked, material check for older requests. */
export function returnNodeOf(fromNode: WorkflowNode | null): WorkflowNode {
  return fromNode ?? SUPPLEMENT_RETURN_NODE;
}

export type LapseAction = "EXTEND_SUPPLEMENT" | "CONTINUE_WITHOUT_SUPPLEMENT" | "CLOSE_NOT_PROVIDED";
export const LAPSE_ACTIONS: readonly LapseAction[] = [
  "EXTEND_SUPPLEMENT",
  "CONTINUE_WITHOUT_SUPPLEMENT",
  "CLOSE_NOT_PROVIDED",
];

/**
 * What this viewer may do about a lapsed supplement: the assignee or a supervisor, while the case
 * still waits on the request and its due time has passed. The workspace shows these and the
 * mutations refuse anything else, like transitions.ts.
 */
export function allowedLapseActions(
  state: CaseState,
  viewer: WorkflowViewer,
  openRequestDueAt: Date | null,
  now: Date,
): LapseAction[] {
  const actor = actorFor(state, viewer);
  if (!actor || !CASE_STAFF.includes(actor)) return [];
  if (state.currentNode !== SUPPLEMENT_NODE || state.status !== "AWAITING_APPLICANT") return [];
  if (!openRequestDueAt || !isLapsed(openRequestDueAt, now)) return [];
  return [...LAPSE_ACTIONS];
}
