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

/** The cause a refund rule's money is recorded under (the refund table, decision 031). */
export const RULE_CAUSE = { beforeMaterialCheck: "WITHDRAWN", missedDeadline: "MISSED_PROMISE" } as const;

export type ClosingRefundInput = {
  /** How the case ends: a decision, or the applicant's withdrawal. */
  status: "APPROVED" | "REJECTED" | "WITHDRAWN";
  fee: FeeQuote;
  materialCheckDone: boolean;
  /** The tier's promised time, already moved on by earlier waits for the applicant. */
  caseDueAt: Date | null;
  closedAt: Date;
  /** Since when the case has been waiting for the applicant, if it still is: that wait is not ours. */
  waitingSince?: Date | null;
};

export type ClosingRefund = {
  rule: Exclude<RefundRule["id"], "afterMaterialCheck">;
  cause: (typeof RULE_CAUSE)[keyof typeof RULE_CAUSE];
  amountMinor: number;
};

/** Closed later than promised, not counting a wait for the applicant that is still running. */
export function missedPromise(
  input: Pick<ClosingRefundInput, "caseDueAt" | "closedAt" | "waitingSince">,
): boolean {
  if (input.caseDueAt === null) return false;
  const waited = input.waitingSince
    ? Math.max(0, input.closedAt.getTime() - input.waitingSince.getTime())
    : 0;
  return input.closedAt.getTime() > input.caseDueAt.getTime() + waited;
}

/**
 * The refund the rules (refundRules, the text shown before paying and on the receipt) give a case
 * that closes now, or null. The automatic refunds record exactly this, and feeOutcome tells the
 * applicant the same: one source for both.
 */
export function refundOnClosing(input: ClosingRefundInput): ClosingRefund | null {
  const rules = new Map(refundRules(input.fee).map((rule) => [rule.id, rule]));
  const pick = (rule: ClosingRefund["rule"]): ClosingRefund | null => {
    const amountMinor = rules.get(rule)?.amountMinor ?? 0;
    return amountMinor > 0 ? { rule, cause: RULE_CAUSE[rule], amountMinor } : null;
  };
  if (input.status === "WITHDRAWN" && !input.materialCheckDone) return pick("beforeMaterialCheck");
  return missedPromise(input) ? pick("missedDeadline") : null;
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
  const refund =
    input.closedAt === null
      ? null
      : refundOnClosing({
          status: input.status,
          fee: input.fee,
          materialCheckDone: input.materialCheckDone,
          caseDueAt: input.caseDueAt,
          closedAt: input.closedAt,
        });
  return refund
    ? { kind: "refundDue", rule: refund.rule, amountMinor: refund.amountMinor, closedAt: input.closedAt }
    : { kind: "kept", rule: "afterMaterialCheck" };
}

/** True once any step after material check was reached (the history's nodes, in any order). */
export function passedMaterialCheck(nodes: readonly WorkflowNode[]): boolean {
  const check = mainLineIndex("MATERIAL_CHECK");
  return nodes.some((node) => node !== "AWAITING_SUPPLEMENT" && mainLineIndex(node) > check);
}
