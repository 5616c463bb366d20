import type { FeeQuote } from "@/lib/catalog/fees";
import type { ApplicationStatus, PaymentStatus, WorkflowNode } from "@/lib/generated/prisma/enums";
import { mainLineIndex } from "@/lib/workflow/nodes";

/**
 * What the applicant gets back, and when: shown before paying and on the receipt. The rules are
 * ours; the wording is in the "payment.refund" messages (one per rule id).
 */
export type RefundRule = {
  id: "beforeMaterialCheck" | "missedDeadline" | "afterMaterialCheck";
  amountMinor: number;
};

export function refundRules(fee: FeeQuote): RefundRule[] {
  return [
    // Nothing has been worked on yet.
    { id: "beforeMaterialCheck", amountMinor: fee.totalMinor },
    // The surcharge buys speed; if we do not deliver it, it goes back.
    ...(fee.surchargeMinor > 0 ? [{ id: "missedDeadline" as const, amountMinor: fee.surchargeMinor }] : []),
    // Review work has been done: only the surcharge for a missed deadline is still refundable.
    { id: "afterMaterialCheck", amountMinor: 0 },
  ];
}

/** Refunds go back the way the applicant paid within this many working days (the "how" rule). */
export const REFUND_WORKING_DAYS = 7;

export type FeeOutcomeInput = {
  status: ApplicationStatus;
  paymentStatus: PaymentStatus;
  fee: FeeQuote;
  /** The case left material check for the next step at some point: review work was done. */
  materialCheckDone: boolean;
  caseDueAt: Date | null;
  closedAt: Date | null;
  refundedMinor: number | null;
  refundedAt: Date | null;
};

export type FeeOutcome =
  | { kind: "notPaid" }
  | { kind: "waived" }
  /** Money already went back (a supervisor recorded it). */
  | { kind: "refunded"; amountMinor: number; at: Date | null }
  /** The rules give money back; it arrives within REFUND_WORKING_DAYS of closing. */
  | {
      kind: "refundDue";
      rule: Exclude<RefundRule["id"], "afterMaterialCheck">;
      amountMinor: number;
      closedAt: Date | null;
    }
  /** Nothing comes back under the rules. */
  | { kind: "kept"; rule: "afterMaterialCheck" };

/**
 * What happens to the fee of a case that ended without a result (rejected or withdrawn), by the
 * same rules shown before paying (refundRules); null for any other case. A rejection always comes
 * after the material check (only the decision step can reject).
 */
export function feeOutcome(input: FeeOutcomeInput): FeeOutcome | null {
  if (input.status !== "REJECTED" && input.status !== "WITHDRAWN") return null;
  if (input.paymentStatus === "UNPAID") return { kind: "notPaid" };
  if (input.paymentStatus === "WAIVED") return { kind: "waived" };
  if (input.paymentStatus === "REFUNDED")
    return {
      kind: "refunded",
      amountMinor: input.refundedMinor ?? input.fee.totalMinor,
      at: input.refundedAt,
    };
  const rules = new Map(refundRules(input.fee).map((rule) => [rule.id, rule]));
  const pick = (id: RefundRule["id"]): FeeOutcome => {
    const rule = rules.get(id)!;
    return rule.amountMinor > 0 && id !== "afterMaterialCheck"
      ? { kind: "refundDue", rule: id, amountMinor: rule.amountMinor, closedAt: input.closedAt }
      : { kind: "kept", rule: "afterMaterialCheck" };
  };
  if (input.status === "WITHDRAWN" && !input.materialCheckDone) return pick("beforeMaterialCheck");
  const missed =
    input.caseDueAt !== null &&
    input.closedAt !== null &&
    input.closedAt.getTime() > input.caseDueAt.getTime() &&
    rules.has("missedDeadline");
  return pick(missed ? "missedDeadline" : "afterMaterialCheck");
}

/** True once any step after material check was reached (the history's nodes, in any order). */
export function passedMaterialCheck(nodes: readonly WorkflowNode[]): boolean {
  const check = mainLineIndex("MATERIAL_CHECK");
  return nodes.some((node) => node !== "AWAITING_SUPPLEMENT" && mainLineIndex(node) > check);
}
