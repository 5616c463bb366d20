/** Pure helpers that turn measurements into the printed and committed tables (unit-tested). */

export type LatencySummary = { p50: number; p95: number; p99: number; max: number; mean: number };

/** Nearest-rank percentile of ascending `sorted` (ms); 0 for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarizeLatencies(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : 0;
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    mean,
  };
}

/**
 * The app's throughput as a share of the baseline's over alternating runs (B, A, B, A …): total
 * over total, so a slow moment of the machine weighs on both sides alike; with each pair's own
 * ratio to show the spread.
 */
export function throughputRatio(pairs: readonly { baseline: number; app: number }[]) {
  const baseline = pairs.reduce((sum, pair) => sum + pair.baseline, 0);
  const app = pairs.reduce((sum, pair) => sum + pair.app, 0);
  return {
    ratio: baseline > 0 ? app / baseline : 0,
    perPair: pairs.map((pair) => (pair.baseline > 0 ? pair.app / pair.baseline : 0)),
  };
}

export type Row = {
  scenario: string;
  /** Requests per second, or the scenario's own unit (submissions, transitions) when it has one. */
  rate: number;
  unit: string;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Non-2xx responses (or statuses the scenario was not designed to get), plus refused work. */
  unexpected: number;
  peakRssBytes: number | null;
  /** CPU the server (with its children) spent per request, in ms: steadier than req/s on a busy machine. */
  serverCpuMs: number;
  /** Cores used by processes outside the benchmark during the run (noise). */
  otherCores: number;
};

const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
const mb = (bytes: number | null) => (bytes === null ? "–" : (bytes / 1024 / 1024).toFixed(0));
const int = (value: number) => Math.round(value).toLocaleString("en-US");

export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ("l" | "r")[],
): string {
  const separator = align.map((side) => (side === "r" ? "---:" : "---"));
  return [headers, separator, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export function resultsTable(rows: readonly Row[]): string {
  return markdownTable(
    [
      "scenario",
      "throughput",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "errors",
      "non-2xx / failed",
      "peak RSS MB",
      "server CPU ms/req",
      "other load (cores)",
    ],
    rows.map((row) => [
      row.scenario,
      `${int(row.rate)} ${row.unit}/s`,
      ms(row.p50),
      ms(row.p95),
      ms(row.p99),
      int(row.errors),
      int(row.unexpected),
      mb(row.peakRssBytes),
      row.serverCpuMs.toFixed(1),
      row.otherCores.toFixed(2),
    ]),
    ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r"],
  );
}

export type TargetCheck = { target: string; measured: string; met: boolean };

export function targetsTable(checks: readonly TargetCheck[]): string {
  return markdownTable(
    ["target (issue #7)", "measured", ""],
    checks.map((check) => [check.target, check.measured, check.met ? "met" : "**missed**"]),
    ["l", "l", "l"],
  );
}

/** "2026-11-21" in UTC: one results file per day, the latest run of the day wins. */
export function resultsFileStem(date: Date): string {
  return date.toISOString().slice(0, 10);
}
