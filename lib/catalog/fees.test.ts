import { describe, expect, it } from "vitest";
import { MAX_MINOR, quoteFee } from "./fees";

describe("quoteFee", () => {
  it("adds the tier surcharge to the base fee", () => {
    expect(quoteFee({ baseFeeMinor: 20_000, surchargeMinor: 15_050 })).toEqual({
      baseMinor: 20_000,
      surchargeMinor: 15_050,
      totalMinor: 35_050,
    });
  });

  it("allows free services and tiers without surcharge", () => {
    expect(quoteFee({ baseFeeMinor: 0, surchargeMinor: 0 })).toEqual({
      baseMinor: 0,
      surchargeMinor: 0,
      totalMinor: 0,
    });
  });

  it("accepts amounts up to the int4 column limit", () => {
    expect(quoteFee({ baseFeeMinor: MAX_MINOR - 1, surchargeMinor: 1 }).totalMinor).toBe(2_147_483_647);
  });

  it.each([-1, 0.5, 1e-9, Number.NaN, Number.POSITIVE_INFINITY, MAX_MINOR + 1, "100" as unknown as number])(
    "rejects %s as either amount",
    (bad) => {
      // The other amount is non-zero so a bad one cannot hide inside a plausible total (10000 + -1).
      expect(() => quoteFee({ baseFeeMinor: bad, surchargeMinor: 10_000 })).toThrow(RangeError);
      expect(() => quoteFee({ baseFeeMinor: 10_000, surchargeMinor: bad })).toThrow(RangeError);
    },
  );

  it("rejects a total beyond the column limit", () => {
    expect(() => quoteFee({ baseFeeMinor: MAX_MINOR, surchargeMinor: 1 })).toThrow(/totalMinor/);
  });
});
