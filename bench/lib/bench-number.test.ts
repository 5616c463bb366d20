import { describe, expect, it } from "vitest";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { validateIdNumber } from "@/lib/identity/id-number";
import { benchIdNumber, benchNumber } from "./bench-number";

describe("benchNumber", () => {
  it("gives valid, distinct application numbers", () => {
    const seen = new Set<string>();
    for (let i = 1; i <= 20_000; i++) {
      const number = benchNumber(i);
      expect(validateApplicationNumber(number)).toEqual({ ok: true, number });
      seen.add(number);
    }
    expect(seen.size).toBe(20_000);
  });

  it("stays valid for a million cases", () => {
    for (const i of [999_999, 1_000_000, 2 ** 31 - 1])
      expect(validateApplicationNumber(benchNumber(i)).ok).toBe(true);
  });
});

describe("benchIdNumber", () => {
  it("is a passport number the lookup form accepts", () => {
    expect(validateIdNumber("PASSPORT", benchIdNumber(42))).toEqual({ ok: true, normalized: "E00000042" });
  });
});
