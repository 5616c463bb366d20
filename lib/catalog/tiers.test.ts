import { describe, expect, it } from "vitest";
import {
  compareTiersMostUrgentFirst,
  isUrgencyTier,
  tierPriority,
  URGENCY_TIERS,
  type UrgencyTier,
} from "./tiers";

describe("URGENCY_TIERS", () => {
  it("lists tiers least urgent first, like the database enum", () => {
    expect(URGENCY_TIERS).toEqual(["STANDARD", "URGENT", "EXPRESS"]);
  });
});

describe("tierPriority", () => {
  it.each([
    ["STANDARD", 1],
    ["URGENT", 2],
    ["EXPRESS", 3],
  ] as const)("%s → %i", (tier, priority) => {
    expect(tierPriority(tier)).toBe(priority);
  });
});

describe("compareTiersMostUrgentFirst", () => {
  it("sorts most urgent first", () => {
    const tiers: UrgencyTier[] = ["STANDARD", "EXPRESS", "URGENT", "STANDARD", "EXPRESS"];
    expect([...tiers].sort(compareTiersMostUrgentFirst)).toEqual([
      "EXPRESS",
      "EXPRESS",
      "URGENT",
      "STANDARD",
      "STANDARD",
    ]);
  });

  it("is antisymmetric and zero only for equal tiers", () => {
    for (const a of URGENCY_TIERS) {
      for (const b of URGENCY_TIERS) {
        const sign = Math.sign(compareTiersMostUrgentFirst(a, b));
        expect(sign).toBe(-Math.sign(compareTiersMostUrgentFirst(b, a)) || 0);
        expect(sign === 0).toBe(a === b);
        expect(sign < 0).toBe(tierPriority(a) > tierPriority(b));
      }
    }
  });
});

describe("isUrgencyTier", () => {
  it.each([
    ["EXPRESS", true],
    ["URGENT", true],
    ["STANDARD", true],
    ["express", false],
    ["", false],
    [3, false],
    [null, false],
  ])("%j → %s", (value, expected) => {
    expect(isUrgencyTier(value)).toBe(expected);
  });
});
