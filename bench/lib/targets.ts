import type { TargetCheck } from "./report";

/** What issue #7's targets are checked against, gathered by bench/run.ts. */
export type Measured = {
  cases: number;
  lookupRatio: number;
  /**
   * p95 per latency target: at saturation (50 connections, closed loop: the worst of the app's
   * runs) and at half the app's saturated throughput (open loop over the same 50 connections).
   */
  p95: Record<
    "lookup" | "trackPage" | "casePage" | "queuePage",
    { saturated: number; halfLoad: number; halfLoadRate: number }
  >;
  submissionsPerSecond: number;
  submissionFailures: number;
  duplicates: number;
  lookupPageJsGzipBytes: number;
  peakRssBytes: number;
  /** Non-2xx or refused answers per scenario (none is designed to fail). */
  unexpectedByScenario: Record<string, number>;
};

const KB = 1024;
const MB = 1024 * 1024;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Two checks per latency target: with every connection busy, and at half load. */
function latency(target: string, limit: number, p95: Measured["p95"][keyof Measured["p95"]]): TargetCheck[] {
  return [
    {
      target: `${target}, 50 connections saturating`,
      measured: ms(p95.saturated),
      met: p95.saturated <= limit,
    },
    {
      target: `${target}, at half load (${Math.round(p95.halfLoadRate)} req/s)`,
      measured: ms(p95.halfLoad),
      met: p95.halfLoad <= limit,
    },
  ];
}

export function checkTargets(m: Measured): TargetCheck[] {
  const failing = Object.entries(m.unexpectedByScenario).filter(([, count]) => count > 0);
  const checks: TargetCheck[] = [
    {
      target: "(a) lookup JSON ≥ 0.5× the bare baseline",
      measured: `${m.lookupRatio.toFixed(2)}×`,
      met: m.lookupRatio >= 0.5,
    },
    ...latency("(a) lookup JSON p95 ≤ 25 ms", 25, m.p95.lookup),
    ...latency("(b) lookup page p95 ≤ 150 ms", 150, m.p95.trackPage),
    ...latency("(c) case page p95 ≤ 150 ms", 150, m.p95.casePage),
    ...(m.cases >= 1_000_000
      ? latency("(d) queue page p95 ≤ 250 ms at 1 000 000 cases", 250, m.p95.queuePage)
      : latency("(d) queue page p95 ≤ 150 ms", 150, m.p95.queuePage)),
    {
      target: "(e) ≥ 100 submissions/s, zero errors, zero duplicates",
      measured: `${m.submissionsPerSecond.toFixed(1)}/s, ${m.submissionFailures} failed, ${m.duplicates} duplicates`,
      met: m.submissionsPerSecond >= 100 && m.submissionFailures === 0 && m.duplicates === 0,
    },
    {
      target: "JavaScript for the lookup page ≤ 120 KB gzipped",
      measured: `${(m.lookupPageJsGzipBytes / KB).toFixed(1)} KB`,
      met: m.lookupPageJsGzipBytes <= 120 * KB,
    },
    {
      target: "server peak memory ≤ 500 MB",
      measured: `${(m.peakRssBytes / MB).toFixed(0)} MB`,
      met: m.peakRssBytes <= 500 * MB,
    },
    {
      target: "zero non-2xx responses in every scenario",
      measured: failing.length
        ? failing.map(([scenario, count]) => `${scenario}: ${count}`).join(", ")
        : "none",
      met: failing.length === 0,
    },
  ];
  return checks;
}
