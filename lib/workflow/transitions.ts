import type { TimelineAction } from "@/lib/generated/prisma/enums";
import { CASE_STAFF, OWNER, actorFor, type Actor, type WorkflowViewer } from "./actors";
import { nextOnPath, type ApplicationStatus, type WorkflowNode } from "./nodes";

export { OWNER, actorFor, type Actor };

/**
 * The workflow's transition table: the one answer to "who may move this case where". The case page
 * uses allowedTransitions() to decide which buttons exist, and performTransition() uses the same
 * function to refuse, so the UI can never offer what the server would reject (or the reverse).
 */

export type TransitionName =
  | "WITHDRAW"
  | "PROVIDE_SUPPLEMENT"
  | "REQUEST_SUPPLEMENT"
  | "ADVANCE"
  | "APPROVE"
  | "REJECT"
  | "ISSUE_DOCUMENT";

/**
 * What a transition needs besides permission (checked by the mutation):
 * - reason: a public explanation (a rejection must say why);
 * - supplementItems: at least one itemized problem; supplementDueAt: a due time in the future;
 * - supplementAnswer: a note or at least one file uploaded for the open request;
 * - resultDocument: a RESULT_DOCUMENT file on the case;
 * - payment: the fee is paid (or waived) — work may start before payment, the decision may not.
 */
export type Requirement =
  "reason" | "supplementItems" | "supplementDueAt" | "supplementAnswer" | "resultDocument" | "payment";

export type TransitionRule = {
  name: TransitionName;
  from: readonly WorkflowNode[];
  fromStatus: readonly ApplicationStatus[];
  /** NEXT_ON_PATH: the next node of the service's path (expert review only where the service has it). */
  to: WorkflowNode | "NEXT_ON_PATH";
  action: TimelineAction;
  who: readonly Actor[];
  requires: readonly Requirement[];
  status: ApplicationStatus;
  /** Outbox template announcing the change to the applicant. */
  notify: string;
};

const OPEN: readonly ApplicationStatus[] = ["IN_PROGRESS", "AWAITING_APPLICANT"];

export const TRANSITIONS: readonly TransitionRule[] = [
  {
    name: "WITHDRAW",
    // Up to the decision: once a decision is being made, withdrawing would dodge a rejection.
    from: ["SUBMITTED", "MATERIAL_CHECK", "AWAITING_SUPPLEMENT", "SUBSTANTIVE_REVIEW", "EXPERT_REVIEW"],
    fromStatus: OPEN,
    to: "WITHDRAWN",
    action: "WITHDRAWN",
    who: [OWNER],
    requires: [],
    status: "WITHDRAWN",
    notify: "case.withdrawn",
  },
  {
    name: "PROVIDE_SUPPLEMENT",
    from: ["AWAITING_SUPPLEMENT"],
    fromStatus: ["AWAITING_APPLICANT"],
    to: "MATERIAL_CHECK",
    action: "SUPPLEMENT_PROVIDED",
    who: [OWNER],
    requires: ["supplementAnswer"],
    status: "IN_PROGRESS",
    notify: "case.supplementProvided",
  },
  {
    name: "REQUEST_SUPPLEMENT",
    from: ["MATERIAL_CHECK", "SUBSTANTIVE_REVIEW"],
    fromStatus: ["IN_PROGRESS"],
    to: "AWAITING_SUPPLEMENT",
    action: "SUPPLEMENT_REQUESTED",
    who: CASE_STAFF,
    requires: ["supplementItems", "supplementDueAt"],
    status: "AWAITING_APPLICANT",
    notify: "case.supplementRequested",
  },
  {
    name: "ADVANCE",
    from: ["SUBMITTED", "MATERIAL_CHECK", "SUBSTANTIVE_REVIEW", "EXPERT_REVIEW"],
    fromStatus: ["IN_PROGRESS"],
    to: "NEXT_ON_PATH",
    action: "ADVANCED",
    who: CASE_STAFF,
    requires: [],
    status: "IN_PROGRESS",
    notify: "case.advanced",
  },
  {
    name: "APPROVE",
    from: ["DECISION"],
    fromStatus: ["IN_PROGRESS"],
    to: "RESULT_NOTIFIED",
    action: "APPROVED",
    who: CASE_STAFF,
    requires: ["payment"],
    status: "APPROVED",
    notify: "case.approved",
  },
  {
    name: "REJECT",
    from: ["DECISION"],
    fromStatus: ["IN_PROGRESS"],
    to: "REJECTED",
    action: "REJECTED",
    who: CASE_STAFF,
    requires: ["reason"],
    status: "REJECTED",
    notify: "case.rejected",
  },
  {
    name: "ISSUE_DOCUMENT",
    from: ["RESULT_NOTIFIED"],
    fromStatus: ["APPROVED"],
    to: "DOCUMENT_ISSUED",
    action: "DOCUMENT_ISSUED",
    who: CASE_STAFF,
    requires: ["resultDocument"],
    status: "COMPLETED",
    notify: "case.documentIssued",
  },
];

export const TRANSITION_NAMES: readonly TransitionName[] = TRANSITIONS.map((rule) => rule.name);

export type CaseState = {
  currentNode: WorkflowNode;
  status: ApplicationStatus;
  applicantId: string;
  assigneeId: string | null;
  requiresExpertReview: boolean;
};

export type TransitionViewer = WorkflowViewer;

export type AvailableTransition = {
  name: TransitionName;
  from: WorkflowNode;
  to: WorkflowNode;
  action: TimelineAction;
  requires: readonly Requirement[];
  status: ApplicationStatus;
  notify: string;
};

function resolve(rule: TransitionRule, state: CaseState): AvailableTransition | null {
  if (!rule.from.includes(state.currentNode) || !rule.fromStatus.includes(state.status)) return null;
  const to = rule.to === "NEXT_ON_PATH" ? nextOnPath(state.currentNode, state) : rule.to;
  if (!to) return null;
  const { name, action, requires, status, notify } = rule;
  return { name, from: state.currentNode, to, action, requires, status, notify };
}

/** What this viewer may do to this case now, in table order. */
export function allowedTransitions(state: CaseState, viewer: TransitionViewer): AvailableTransition[] {
  const actor = actorFor(state, viewer);
  if (!actor) return [];
  return TRANSITIONS.filter((rule) => rule.who.includes(actor))
    .map((rule) => resolve(rule, state))
    .filter((transition): transition is AvailableTransition => transition !== null);
}

/** The named transition if this viewer may perform it now, else null. */
export function findAllowedTransition(
  state: CaseState,
  viewer: TransitionViewer,
  name: TransitionName,
): AvailableTransition | null {
  return allowedTransitions(state, viewer).find((transition) => transition.name === name) ?? null;
}
