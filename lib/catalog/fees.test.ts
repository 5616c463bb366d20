import { describe, expect, it } from "vitest";
import { formatMoney, MAX_MINOR, quoteFee } from "./fees";

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

describe("formatMoney", () => {
  // Exact symbols and spacing depend on the ICU version; the shape does not.
  it("formats CNY fen as yuan with two decimals and grouping", () => {
    expect(formatMoney(123_450, "CNY", "zh")).toMatch(/^¥\s?1,234\.50$/);
    expect(formatMoney(123_450, "CNY", "en")).toMatch(/^(CN¥|CNY)\s?1,234\.50$/);
  });

  it("keeps every fen", () => {
    expect(formatMoney(1, "CNY", "en")).toMatch(/0\.01$/);
    expect(formatMoney(0, "CNY", "zh")).toMatch(/^¥\s?0\.00$/);
    expect(formatMoney(123_456_789, "CNY", "zh")).toMatch(/1,234,567\.89$/);
    expect(formatMoney(19_999, "CNY", "zh")).toMatch(/199\.99$/);
  });

  it("shows negative amounts (refunds) with a minus sign", () => {
    expect(formatMoney(-5_000, "CNY", "zh")).toMatch(/^-¥\s?50\.00$/);
  });

  it("uses the currency's own minor digits", () => {
    expect(formatMoney(1_234, "JPY", "en")).toMatch(/^(JP)?¥\s?1,234$/);
    expect(formatMoney(1_234, "USD", "en")).toBe("$12.34");
  });

  it("rejects non-integer amounts and unknown currency codes", () => {
    expect(() => formatMoney(12.5, "CNY", "zh")).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, "CNY", "zh")).toThrow(RangeError);
    expect(() => formatMoney(100, "YUAN", "zh")).toThrow(RangeError);
  });
});
