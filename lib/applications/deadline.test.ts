import { describe, expect, it } from "vitest";
import { endOfLocalDay, initialDueDates, localDateString, noTierMeets, tiersTooSlowFor } from "./deadline";

describe("endOfLocalDay", () => {
  it("is the last millisecond of the day in the given zone", () => {
    expect(endOfLocalDay("2026-12-01", 480)?.toISOString()).toBe("2026-12-01T15:59:59.999Z");
    expect(endOfLocalDay("2026-12-01", 0)?.toISOString()).toBe("2026-12-01T23:59:59.999Z");
    expect(endOfLocalDay("2026-12-01", -300)?.toISOString()).toBe("2026-12-02T04:59:59.999Z");
  });

  it.each([
    ["2026-02-29", 480],
    ["2026-13-01", 480],
    ["2026-12-1", 480],
    ["0999-12-01", 480],
    ["2026-12-01", 15 * 60],
    ["2026-12-01", 30.5],
  ])("rejects %j at offset %d", (date, offset) => {
    expect(endOfLocalDay(date, offset)).toBeNull();
  });

  it("accepts 29 February in a leap year", () => {
    expect(endOfLocalDay("2028-02-29", 480)).not.toBeNull();
  });
});

describe("localDateString", () => {
  it("is today's date in the zone", () => {
    const now = new Date("2026-03-10T17:00:00Z");
    expect(localDateString(now, 480)).toBe("2026-03-11");
    expect(localDateString(now, -420)).toBe("2026-03-10");
  });
});

describe("tier deadlines", () => {
  const now = new Date("2026-03-10T00:00:00Z");
  const tiers = [
    { tier: "STANDARD" as const, processingHours: 360 },
    { tier: "URGENT" as const, processingHours: 120 },
    { tier: "EXPRESS" as const, processingHours: 48 },
  ];

  it("lists the tiers that finish after the needed-by time", () => {
    const inFourDays = new Date("2026-03-14T00:00:00Z");
    expect(tiersTooSlowFor(tiers, inFourDays, now).map((tier) => tier.tier)).toEqual(["STANDARD", "URGENT"]);
    expect(noTierMeets(tiers, inFourDays, now)).toBe(false);
  });

  it("warns only when even the fastest tier is too slow", () => {
    expect(noTierMeets(tiers, new Date("2026-03-11T23:59:59Z"), now)).toBe(true);
    // Exactly on time is in time.
    expect(noTierMeets(tiers, new Date("2026-03-12T00:00:00Z"), now)).toBe(false);
    expect(noTierMeets([], new Date("2026-03-11T00:00:00Z"), now)).toBe(false);
  });
});

describe("initialDueDates", () => {
  const submittedAt = new Date("2026-03-10T00:00:00Z");

  it("uses the material check target and the tier's processing time", () => {
    const due = initialDueDates({
      submittedAt,
      processingHours: 48,
      nodeTargets: [{ node: "MATERIAL_CHECK", targetMinutes: 288 }],
    });
    expect(due.caseDueAt.toISOString()).toBe("2026-03-12T00:00:00.000Z");
    expect(due.nodeDueAt.toISOString()).toBe("2026-03-10T04:48:00.000Z");
  });

  it("prefers a SUBMITTED target, falls back to a tenth of the case time, and never exceeds the case", () => {
    const both = [
      { node: "MATERIAL_CHECK", targetMinutes: 288 },
      { node: "SUBMITTED", targetMinutes: 30 },
    ];
    expect(
      initialDueDates({ submittedAt, processingHours: 48, nodeTargets: both }).nodeDueAt.toISOString(),
    ).toBe("2026-03-10T00:30:00.000Z");
    expect(
      initialDueDates({ submittedAt, processingHours: 10, nodeTargets: [] }).nodeDueAt.toISOString(),
    ).toBe("2026-03-10T01:00:00.000Z");
    const tooLong = initialDueDates({
      submittedAt,
      processingHours: 1,
      nodeTargets: [{ node: "MATERIAL_CHECK", targetMinutes: 600 }],
    });
    expect(tooLong.nodeDueAt).toEqual(tooLong.caseDueAt);
  });
});
