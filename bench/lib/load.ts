import autocannon from "autocannon";
import { sampleMemory } from "./memory";
import { summarizeLatencies, type LatencySummary } from "./report";

export type LoadOptions = {
  url: string;
  connections: number;
  seconds: number;
  requests: autocannon.Request[];
  /** The statuses this scenario is designed to get (2xx unless it says otherwise). */
  expectStatus?: (status: number) => boolean;
  /** The server process whose memory (with its children) is sampled during the run. */
  serverPid?: number;
};

export type LoadResult = LatencySummary & {
  seconds: number;
  responses: number;
  requestsPerSecond: number;
  /** Connection errors and timeouts (autocannon's count). */
  errors: number;
  /** Responses whose status the scenario did not expect (non-2xx unless it says otherwise). */
  unexpected: number;
  statuses: Record<string, number>;
  peakRssBytes: number | null;
};

const is2xx = (status: number) => status >= 200 && status < 300;

/**
 * One time-bounded autocannon run over keep-alive connections on loopback. Latencies and statuses
 * come from autocannon's per-response event, so the percentiles are exact (its own histogram has
 * no p95) and cover only this run: warm-ups are separate runs whose results are dropped.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const expect = options.expectStatus ?? is2xx;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  const memory = options.serverPid ? sampleMemory(options.serverPid) : null;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        requests: options.requests,
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (!expect(status)) unexpected++;
    });
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = memory?.stop() ?? null;
  return {
    ...summarizeLatencies(latencies),
    seconds,
    responses: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    errors: result.errors,
    unexpected,
    statuses,
    peakRssBytes: peak,
  };
}
