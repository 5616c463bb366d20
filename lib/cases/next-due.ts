import type { ApplicationStatus, WorkflowNode } from "@/lib/generated/prisma/enums";
import { isStaffTurn } from "@/lib/console/queue-due";
import { expeditedExpectedAt } from "@/lib/sla/sla-state";
import { isClosedStatus } from "@/lib/workflow/nodes";

export type NextDueInput = {
  status: ApplicationStatus;
  currentNode: WorkflowNode;
  nodeDueAt: Date | null;
  /** The open supplement request's due time: while it is open, the applicant's deadline. */
  openSupplementDueAt?: Date | null;
  /** Set when the overdue watch escalated the current step and promised a new expected time. */
  slaEscalatedAt?: Date | null;
  nodeEnteredAt?: Date | null;
  /** The current step's target for the case's service and tier, when an admin set one. */
  targetMinutes?: number | null;
};

export type NextDue = {
  /** Whose move it is: staff work the step, or the applicant answers a supplement request. */
  party: "staff" | "applicant";
  /** The step the due time belongs to (at SUBMITTED: when the material check must have started). */
  node: WorkflowNode;
  dueAt: Date;
  /** Past the due time (same rule as the queue's overdue filter: due < now). */
  overdue: boolean;
  lateMs: number;
  /** The new expected time after an escalation, when there is one. */
  expeditedAt: Date | null;
};

/**
 * The one answer to "when is this case next due, and is that past?" for every page that shows it:
 * confirmation, the applicant's list and case page, the staff workspace. Pure: callers pass `now`.
 * A closed case has nothing due; a case waiting for the applicant is due when their answer is.
 */
export function nextDueOf(input: NextDueInput, now: Date): NextDue | null {
  if (isClosedStatus(input.status)) return null;
  const applicant = input.status === "AWAITING_APPLICANT";
  if (!applicant && !isStaffTurn(input.status)) return null;
  const dueAt = (applicant ? input.openSupplementDueAt : null) ?? input.nodeDueAt;
  if (!dueAt) return null;
  const lateMs = now.getTime() - dueAt.getTime();
  const expeditedAt =
    !applicant && input.slaEscalatedAt
      ? expeditedExpectedAt({
          escalatedAt: input.slaEscalatedAt,
          nodeEnteredAt: input.nodeEnteredAt ?? input.slaEscalatedAt,
          nodeDueAt: dueAt,
          targetMinutes: input.targetMinutes,
        })
      : null;
  return {
    party: applicant ? "applicant" : "staff",
    node: input.currentNode,
    dueAt,
    overdue: lateMs > 0,
    lateMs: Math.max(0, lateMs),
    expeditedAt,
  };
}

/**
 * A step is late: staff hold the case and its next due time has passed. Asking staff to hurry
 * (催办) is offered and accepted only then, never on a case that is simply new.
 */
export function isStepLate(input: NextDueInput, now: Date): boolean {
  const due = nextDueOf(input, now);
  return due?.party === "staff" && due.overdue;
}
