import { describe, expect, it } from "vitest";
import {
  markdownTable,
  percentile,
  resultsFileStem,
  resultsTable,
  summarizeLatencies,
  throughputRatio,
  type Row,
} from "./report";

describe("percentile", () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it("takes the nearest rank", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it("is 0 without samples", () => {
    expect(percentile([], 95)).toBe(0);
  });
});

describe("summarizeLatencies", () => {
  it("sorts before ranking and keeps the mean and the maximum", () => {
    expect(summarizeLatencies([30, 10, 20, 40])).toEqual({ p50: 20, p95: 40, p99: 40, max: 40, mean: 25 });
  });
});

describe("throughputRatio", () => {
  it("divides total by total and keeps each pair's own ratio", () => {
    const result = throughputRatio([
      { baseline: 1000, app: 400 },
      { baseline: 500, app: 350 },
    ]);
    expect(result.ratio).toBeCloseTo(750 / 1500);
    expect(result.perPair).toEqual([0.4, 0.7]);
  });

  it("is 0 when the baseline did nothing", () => {
    expect(throughputRatio([{ baseline: 0, app: 10 }])).toEqual({ ratio: 0, perPair: [0] });
  });
});

describe("tables", () => {
  it("aligns columns as asked", () => {
    expect(markdownTable(["a", "b"], [["x", "1"]], ["l", "r"])).toBe("| a | b |\n| --- | ---: |\n| x | 1 |");
  });

  it("formats a result row", () => {
    const row: Row = {
      scenario: "(a) lookup",
      rate: 1234.4,
      unit: "req",
      p50: 4.04,
      p95: 12.6,
      p99: 30.2,
      errors: 0,
      unexpected: 2,
      peakRssBytes: 300 * 1024 * 1024,
      serverCpuMs: 1.26,
      otherCores: 0.04,
    };
    expect(resultsTable([row]).split("\n")[2]).toBe(
      "| (a) lookup | 1,234 req/s | 4.0 | 13 | 30 | 0 | 2 | 300 | 1.3 | 0.04 |",
    );
  });

  it("names results files by UTC date", () => {
    expect(resultsFileStem(new Date("2026-11-21T23:30:00-02:00"))).toBe("2026-11-22");
  });
});
