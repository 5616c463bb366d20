import { describe, expect, it } from "vitest";
import { quoteFee } from "@/lib/catalog/fees";
import { refundRules } from "./refund-policy";

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
