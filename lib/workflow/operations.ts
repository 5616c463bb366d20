import type { PaymentStatus, TimelineAction, UrgencyTier } from "@/lib/generated/prisma/enums";
import { CASE_STAFF, OWNER, actorFor, type Actor, type WorkflowViewer } from "./actors";
import { isClosedStatus, type WorkflowNode } from "./nodes";
import { isUndecided } from "./tier-change";
import type { CaseState } from "./transitions";

/**
 * Case work that does not move the case to another node: who holds it, notes, money, the result
 * document. Like transitions.ts, this table is the one answer for both the workspace (which
 * controls exist) and the mutations (what is refused).
 */
export type OperationName =
  | "CLAIM"
  | "ASSIGN"
  | "ADD_NOTE"
  | "UPLOAD_RESULT_DOCUMENT"
  | "RECORD_PAYMENT"
  | "RECORD_REFUND"
  | "WAIVE_FEE"
  | "FOLLOW_UP"
  | "ACCEPT_AS_STANDARD"
  | "UPGRADE_TIER";

/** Without `tier` (a caller that does not load it), no tier change is offered. */
export type OperationState = CaseState & {
  serviceId: string;
  paymentStatus: PaymentStatus;
  tier?: UrgencyTier;
};

type OperationRule = {
  name: OperationName;
  who: readonly Actor[];
  /** Timeline entry the operation leaves. */
  action: TimelineAction;
  when: (state: OperationState, viewer: WorkflowViewer, actor: Actor) => boolean;
};

const isOpen = (state: OperationState) => !isClosedStatus(state.status);
/** A result document belongs to an approved case; it may be prepared while the decision is made. */
const DOCUMENT_NODES: readonly WorkflowNode[] = ["DECISION", "RESULT_NOTIFIED"];

export const OPERATIONS: readonly OperationRule[] = [
  {
    name: "CLAIM",
    who: ["REVIEWER", "SUPERVISOR"],
    action: "ASSIGNED",
    // A reviewer only takes cases of the services an administrator gave them.
    when: (state, viewer, actor) =>
      isOpen(state) &&
      state.assigneeId === null &&
      (actor === "SUPERVISOR" || (viewer.handledServiceIds ?? []).includes(state.serviceId)),
  },
  { name: "ASSIGN", who: ["SUPERVISOR"], action: "ASSIGNED", when: isOpen },
  { name: "ADD_NOTE", who: CASE_STAFF, action: "NOTE_ADDED", when: () => true },
  {
    name: "UPLOAD_RESULT_DOCUMENT",
    who: CASE_STAFF,
    action: "DOCUMENT_UPLOADED",
    when: (state) => isOpen(state) && DOCUMENT_NODES.includes(state.currentNode),
  },
  {
    name: "RECORD_PAYMENT",
    who: CASE_STAFF,
    action: "PAYMENT_RECORDED",
    when: (state) => state.paymentStatus === "UNPAID" && isOpen(state),
  },
  // Money going back is a supervisor's call.
  {
    name: "RECORD_REFUND",
    who: ["SUPERVISOR"],
    action: "REFUND_RECORDED",
    when: (state) => state.paymentStatus === "PAID",
  },
  // Waiving a fee is too: an unpaid one is no longer owed, a paid one goes back in full (decision 031).
  {
    name: "WAIVE_FEE",
    who: ["SUPERVISOR"],
    action: "FEE_WAIVED",
    when: (state) => isOpen(state) && (state.paymentStatus === "UNPAID" || state.paymentStatus === "PAID"),
  },
  // The applicant asks staff to hurry (催办); how often is limited in the mutation (FOLLOW_UP_INTERVAL_MS).
  { name: "FOLLOW_UP", who: [OWNER], action: "FOLLOW_UP", when: isOpen },
  // Tier changes (decision 032), only before the decision, while the tier still promises something.
  // "Not urgent enough" is the case worker's judgement.
  {
    name: "ACCEPT_AS_STANDARD",
    who: CASE_STAFF,
    action: "ACCEPTED_AS_STANDARD",
    when: (state) => isUndecided(state.status) && state.tier !== undefined && state.tier !== "STANDARD",
  },
  // Only a paid case: the difference is charged on top of a fee that is settled (a case unpaid or
  // waiting at the counter pays its fee first). The mutation also refuses a case accepted as standard.
  {
    name: "UPGRADE_TIER",
    who: [OWNER],
    action: "TIER_UPGRADED",
    when: (state) =>
      isUndecided(state.status) &&
      state.paymentStatus === "PAID" &&
      state.tier !== undefined &&
      state.tier !== "EXPRESS",
  },
];

/** At most one follow-up per case in this long: a reminder, not a way to flood the reviewer. */
export const FOLLOW_UP_INTERVAL_MS = 12 * 60 * 60 * 1000;

/** When the next follow-up of a case is accepted, given the time of its last one. */
export function nextFollowUpAt(lastFollowUpAt: Date): Date {
  return new Date(lastFollowUpAt.getTime() + FOLLOW_UP_INTERVAL_MS);
}

export const OPERATION_NAMES: readonly OperationName[] = OPERATIONS.map((rule) => rule.name);

/** What this viewer may do to this case now, besides moving it (transitions.ts). */
export function allowedOperations(state: OperationState, viewer: WorkflowViewer): OperationName[] {
  const actor = actorFor(state, viewer);
  if (!actor) return [];
  return OPERATIONS.filter((rule) => rule.who.includes(actor) && rule.when(state, viewer, actor)).map(
    (rule) => rule.name,
  );
}

export function operationRule(name: OperationName): OperationRule {
  return OPERATIONS.find((rule) => rule.name === name)!;
}

export function isOperationAllowed(
  state: OperationState,
  viewer: WorkflowViewer,
  name: OperationName,
): boolean {
  return allowedOperations(state, viewer).includes(name);
}
