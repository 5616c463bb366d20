import { describe, expect, it } from "vitest";
import { checkTargets, type Measured } from "./targets";

const MB = 1024 * 1024;
const good: Measured = {
  cases: 100_000,
  lookupRatio: 0.6,
  p95: {
    lookup: { saturated: 20, halfLoad: 10, halfLoadRate: 400 },
    trackPage: { saturated: 100, halfLoad: 50, halfLoadRate: 200 },
    casePage: { saturated: 120, halfLoad: 60, halfLoadRate: 150 },
    queuePage: { saturated: 140, halfLoad: 70, halfLoadRate: 100 },
  },
  submissionsPerSecond: 120,
  submissionFailures: 0,
  duplicates: 0,
  lookupPageJsGzipBytes: 100 * 1024,
  peakRssBytes: 400 * MB,
  unexpectedByScenario: { a: 0, b: 0 },
};

describe("checkTargets", () => {
  it("meets every target of issue #7 with good figures", () => {
    expect(checkTargets(good).every((check) => check.met)).toBe(true);
  });

  it("misses exactly the targets whose figures are out of bounds", () => {
    const slowLookup = { ...good.p95, lookup: { saturated: 90, halfLoad: 12, halfLoadRate: 300 } };
    const missed = checkTargets({
      ...good,
      lookupRatio: 0.49,
      p95: slowLookup,
      submissionsPerSecond: 150,
      duplicates: 1,
      unexpectedByScenario: { a: 0, e: 3 },
    })
      .filter((check) => !check.met)
      .map((check) => check.target);
    expect(missed).toEqual([
      "(a) lookup JSON ≥ 0.5× the bare baseline",
      "(a) lookup JSON p95 ≤ 25 ms, 50 connections saturating",
      "(e) ≥ 100 submissions/s, zero errors, zero duplicates",
      "zero non-2xx responses in every scenario",
    ]);
  });

  it("holds the queue page to 250 ms only at a million cases", () => {
    const queue = (cases: number) =>
      checkTargets({
        ...good,
        cases,
        p95: { ...good.p95, queuePage: { saturated: 200, halfLoad: 100, halfLoadRate: 80 } },
      }).filter((check) => check.target.startsWith("(d)"));
    expect(queue(100_000).map((check) => check.met)).toEqual([false, true]);
    expect(queue(1_000_000)[0]).toMatchObject({
      target: "(d) queue page p95 ≤ 250 ms at 1 000 000 cases, 50 connections saturating",
      met: true,
    });
  });
});
