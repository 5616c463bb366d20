import { isStaff } from "@/lib/auth/roles";
import type {
  ApplicationStatus,
  Role,
  TimelineAction,
  UrgencyTier,
  WorkflowNode,
} from "@/lib/generated/prisma/enums";
import { maskPersonName } from "@/lib/identity/mask-name";
import {
  caseProgress,
  type CaseOutcome,
  type ProgressEvent,
  type TimelineStep,
} from "@/lib/workflow/progress";

/**
 * What anyone holding the number and ID number (or a share link) sees. Pure: data.ts selects only
 * public columns and this turns them into the view; tests check that nothing else gets through.
 *
 * Public notes are NOT shown here, only when one was left at each step. They are free text written
 * to the applicant and often speak of the reason, the evidence or the family's circumstances; a
 * lookup may be made by whoever holds the ID card or a forwarded link. The applicant reads them
 * after signing in.
 */

/** The only name public lookup gives to anyone who handled a case. */
export const PUBLIC_STAFF_NAME = "staff";
const PUBLIC_APPLICANT_NAME = "applicant";
// Internal marker so caseProgress counts notes per step without ever seeing their text.
const WITHHELD = "withheld";
// Money is not progress: who paid or was refunded what is not public.
const PRIVATE_HISTORY: readonly TimelineAction[] = ["PAYMENT_RECORDED", "REFUND_RECORDED", "FEE_WAIVED"];

export type PublicCaseRow = {
  number: string;
  tier: UrgencyTier;
  status: ApplicationStatus;
  currentNode: WorkflowNode;
  submittedAt: Date;
  nodeDueAt: Date | null;
  caseDueAt: Date | null;
  applicantName: string;
  assigneeId: string | null;
  serviceId: string;
  service: { code: string; nameZh: string; nameEn: string; requiresExpertReview: boolean };
  timeline: {
    node: WorkflowNode;
    action: TimelineAction;
    occurredAt: Date;
    dueAt: Date | null;
    publicNote: string | null;
    actor: { role: Role } | null;
  }[];
  supplementRequests: { dueAt: Date }[];
};

/** A timeline step with only the times of its notes, not their text. */
export type PublicStep = Omit<TimelineStep, "notes"> & { withheldNotesAt: Date[] };

export type PublicCaseView = {
  number: string;
  service: { code: string; nameZh: string; nameEn: string };
  tier: UrgencyTier;
  status: ApplicationStatus;
  currentNode: WorkflowNode;
  submittedAt: Date;
  nodeDueAt: Date | null;
  caseDueAt: Date | null;
  /** Masked: 张*三 / J*** Smith. */
  applicantName: string;
  progress: {
    percent: number;
    currentNode: WorkflowNode;
    outcome: CaseOutcome;
    ended: boolean;
    steps: PublicStep[];
  };
  history: {
    node: WorkflowNode;
    action: TimelineAction;
    occurredAt: Date;
    by: "staff" | "applicant" | null;
  }[];
};

export function toPublicView(
  row: PublicCaseRow,
  nodeTargets: Partial<Record<WorkflowNode, number>>,
  now: Date,
): PublicCaseView {
  const events: ProgressEvent[] = row.timeline.map((event) => ({
    node: event.node,
    action: event.action,
    occurredAt: event.occurredAt,
    dueAt: event.dueAt,
    publicNote: event.publicNote ? WITHHELD : null,
    actor:
      event.actor &&
      (isStaff(event.actor.role)
        ? { name: PUBLIC_STAFF_NAME, staff: true }
        : { name: PUBLIC_APPLICANT_NAME, staff: false }),
  }));
  // While the case waits for the applicant, their deadline is the open request's (as on the case page).
  const openSupplementDue =
    row.currentNode === "AWAITING_SUPPLEMENT" ? row.supplementRequests[0]?.dueAt : undefined;
  const nodeDueAt = openSupplementDue ?? row.nodeDueAt;
  const progress = caseProgress({
    currentNode: row.currentNode,
    status: row.status,
    requiresExpertReview: row.service.requiresExpertReview,
    nodeDueAt,
    caseDueAt: row.caseDueAt,
    assigneeName: row.assigneeId ? PUBLIC_STAFF_NAME : null,
    events,
    nodeTargets,
    now,
  });
  return {
    number: row.number,
    service: { code: row.service.code, nameZh: row.service.nameZh, nameEn: row.service.nameEn },
    tier: row.tier,
    status: row.status,
    currentNode: row.currentNode,
    submittedAt: row.submittedAt,
    nodeDueAt,
    caseDueAt: row.caseDueAt,
    applicantName: maskPersonName(row.applicantName),
    progress: {
      percent: progress.percent,
      currentNode: progress.currentNode,
      outcome: progress.outcome,
      ended: progress.ended,
      steps: progress.steps.map(({ notes, ...step }) => ({
        ...step,
        withheldNotesAt: notes.map((note) => note.at),
      })),
    },
    history: events
      .filter((event) => !PRIVATE_HISTORY.includes(event.action))
      .map((event) => ({
        node: event.node,
        action: event.action,
        occurredAt: event.occurredAt,
        by: event.actor ? (event.actor.staff ? "staff" : "applicant") : null,
      })),
  };
}
