import { describe, expect, it } from "vitest";
import { quoteFee } from "@/lib/catalog/fees";
import { feeOutcome, passedMaterialCheck, refundRules, type FeeOutcomeInput } from "./refund-policy";

describe("refundRules", () => {
  it("refunds everything before the material check and the surcharge when we miss the deadline", () => {
    expect(refundRules(quoteFee({ baseFeeMinor: 12_000, surchargeMinor: 10_000 }))).toEqual([
      { id: "beforeMaterialCheck", amountMinor: 22_000 },
      { id: "missedDeadline", amountMinor: 10_000 },
      { id: "afterMaterialCheck", amountMinor: 0 },
    ]);
  });

  it("has no deadline rule for the standard route, which has no surcharge", () => {
    expect(refundRules(quoteFee({ baseFeeMinor: 12_000, surchargeMinor: 0 })).map((rule) => rule.id)).toEqual(
      ["beforeMaterialCheck", "afterMaterialCheck"],
    );
  });
});

describe("feeOutcome (what a rejected or withdrawn applicant is told about their money)", () => {
  const HOUR = 3_600_000;
  const due = new Date("2026-12-05T08:00:00Z");
  const input: FeeOutcomeInput = {
    status: "REJECTED",
    paymentStatus: "PAID",
    fee: quoteFee({ baseFeeMinor: 12_000, surchargeMinor: 10_000 }),
    materialCheckDone: true,
    caseDueAt: due,
    closedAt: new Date(due.getTime() - HOUR),
    refundedMinor: null,
    refundedAt: null,
  };

  it("keeps the fee of a case refused in time, after the material check", () => {
    expect(feeOutcome(input)).toEqual({ kind: "kept", rule: "afterMaterialCheck" });
  });

  it("gives the surcharge back when the case closed after its due time, from the day it closed", () => {
    const late = new Date(due.getTime() + HOUR);
    expect(feeOutcome({ ...input, closedAt: late })).toEqual({
      kind: "refundDue",
      rule: "missedDeadline",
      amountMinor: 10_000,
      closedAt: late,
    });
    // The standard route has no surcharge: nothing to give back.
    expect(
      feeOutcome({ ...input, closedAt: late, fee: quoteFee({ baseFeeMinor: 12_000, surchargeMinor: 0 }) }),
    ).toEqual({ kind: "kept", rule: "afterMaterialCheck" });
  });

  it("refunds everything when withdrawn before the material check was done", () => {
    expect(feeOutcome({ ...input, status: "WITHDRAWN", materialCheckDone: false })).toMatchObject({
      kind: "refundDue",
      rule: "beforeMaterialCheck",
      amountMinor: 22_000,
    });
    expect(feeOutcome({ ...input, status: "WITHDRAWN" })).toEqual({
      kind: "kept",
      rule: "afterMaterialCheck",
    });
  });

  it("says what was recorded, and that nothing was paid or it was waived", () => {
    const at = new Date(due.getTime() + 5 * HOUR);
    expect(feeOutcome({ ...input, paymentStatus: "REFUNDED", refundedMinor: 5_000, refundedAt: at })).toEqual(
      {
        kind: "refunded",
        amountMinor: 5_000,
        at,
      },
    );
    expect(feeOutcome({ ...input, paymentStatus: "UNPAID" })).toEqual({ kind: "notPaid" });
    expect(feeOutcome({ ...input, paymentStatus: "WAIVED" })).toEqual({ kind: "waived" });
  });

  it("says nothing about the fee of a case still open or completed", () => {
    for (const status of ["IN_PROGRESS", "AWAITING_APPLICANT", "APPROVED", "COMPLETED"] as const)
      expect(feeOutcome({ ...input, status })).toBeNull();
  });
});

describe("passedMaterialCheck", () => {
  it("is true once the history reached a step after material check; a supplement detour does not count", () => {
    expect(passedMaterialCheck(["SUBMITTED", "MATERIAL_CHECK", "AWAITING_SUPPLEMENT", "WITHDRAWN"])).toBe(
      false,
    );
    expect(passedMaterialCheck(["SUBMITTED", "MATERIAL_CHECK", "SUBSTANTIVE_REVIEW", "WITHDRAWN"])).toBe(
      true,
    );
  });
});
