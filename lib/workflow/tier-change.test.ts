import { describe, expect, it } from "vitest";
import {
  fasterTiers,
  retimeAsStandard,
  retimeForUpgrade,
  surchargeChange,
  upgradeIdempotencyKey,
  type TimedCase,
} from "./tier-change";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = new Date("2026-12-08T06:00:00Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);

const STANDARD = {
  processingHours: 120,
  nodeTargets: [{ node: "MATERIAL_CHECK", targetMinutes: 24 * 60 }],
};
const EXPRESS = { processingHours: 24, nodeTargets: [{ node: "MATERIAL_CHECK", targetMinutes: 120 }] };

const waiting: TimedCase = {
  currentNode: "AWAITING_SUPPLEMENT",
  status: "AWAITING_APPLICANT",
  submittedAt: at(-10 * HOUR),
  nodeEnteredAt: at(-3 * HOUR),
  nodeDueAt: at(21 * HOUR),
  caseDueAt: at(38 * HOUR),
  pausedMinutes: 45,
  slaWarnedAt: null,
  slaEscalatedAt: null,
};

describe("re-timing while the applicant has the case", () => {
  it("keeps the answer deadline; standard counts from submission plus the earlier waits", () => {
    expect(retimeAsStandard(waiting, STANDARD, NOW)).toMatchObject({
      nodeDueAt: waiting.nodeDueAt,
      caseDueAt: at(-10 * HOUR + 120 * HOUR + 45 * MINUTE),
    });
  });

  it("times an upgrade from the start of the wait, which is added back when the applicant answers", () => {
    expect(retimeForUpgrade(waiting, EXPRESS, NOW)).toMatchObject({
      nodeDueAt: waiting.nodeDueAt,
      caseDueAt: at(-3 * HOUR + 24 * HOUR),
    });
  });
});

describe("the overdue watch's flags", () => {
  const late: TimedCase = {
    ...waiting,
    currentNode: "MATERIAL_CHECK",
    status: "IN_PROGRESS",
    nodeEnteredAt: at(-30 * HOUR),
    slaWarnedAt: at(-8 * HOUR),
    slaEscalatedAt: at(-HOUR),
  };
  it("stay set when the case is late under the new times too", () => {
    // Standard gives material check 24 h from entry, 30 h ago: still late.
    expect(retimeAsStandard(late, STANDARD, NOW)).toMatchObject({
      slaWarnedAt: late.slaWarnedAt,
      slaEscalatedAt: late.slaEscalatedAt,
    });
  });
  it("are cleared when their moment lies ahead again", () => {
    const recent = { ...late, nodeEnteredAt: at(-2 * HOUR) };
    expect(retimeAsStandard(recent, STANDARD, NOW)).toMatchObject({
      slaWarnedAt: null,
      slaEscalatedAt: null,
    });
  });
});

describe("fees and tiers", () => {
  it("moves the surcharge and never makes a difference negative", () => {
    expect(surchargeChange(8_000, 0, "down")).toEqual({ surchargeMinor: 0, differenceMinor: 8_000 });
    expect(surchargeChange(3_000, 8_000, "up")).toEqual({ surchargeMinor: 8_000, differenceMinor: 5_000 });
    expect(surchargeChange(3_000, 1_000, "up")).toEqual({ surchargeMinor: 3_000, differenceMinor: 0 });
    expect(surchargeChange(0, 500, "down")).toEqual({ surchargeMinor: 0, differenceMinor: 0 });
  });

  it("lists only faster tiers, slowest first, and keys an upgrade per case and tier", () => {
    const offered = [{ tier: "EXPRESS" }, { tier: "STANDARD" }, { tier: "URGENT" }] as const;
    expect(fasterTiers("STANDARD", offered).map((row) => row.tier)).toEqual(["URGENT", "EXPRESS"]);
    expect(fasterTiers("EXPRESS", offered)).toEqual([]);
    expect(upgradeIdempotencyKey("a", "URGENT")).not.toBe(upgradeIdempotencyKey("a", "EXPRESS"));
  });
});
