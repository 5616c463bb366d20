import type { FeeQuote } from "@/lib/catalog/fees";

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
