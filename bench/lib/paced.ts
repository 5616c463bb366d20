import http from "node:http";
import { summarizeLatencies, type LatencySummary } from "./report";

export type SimpleRequest = {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type PacedResult = LatencySummary & {
  rate: number;
  sent: number;
  completed: number;
  errors: number;
  unexpected: number;
};

const TICK_MS = 5;

/**
 * Open-loop load: requests leave at a fixed rate whatever the server's speed, over up to
 * `connections` keep-alive sockets, and each latency counts from the moment the request was due
 * (time spent waiting for a free socket included). This is the latency a user sees at that load;
 * autocannon's closed loop (every connection busy all the time) measures capacity instead, and its
 * own rate limit sends each second's quota in one burst.
 */
export async function runPaced(options: {
  url: string;
  rate: number;
  seconds: number;
  connections: number;
  next: () => SimpleRequest;
}): Promise<PacedResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  let unexpected = 0;
  const pending = new Set<Promise<void>>();
  const fire = (dueAt: number) => {
    const spec = options.next();
    sent++;
    const done = new Promise<void>((resolve) => {
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: spec.method,
          path: spec.path,
          headers: {
            ...spec.headers,
            ...(spec.body ? { "Content-Length": Buffer.byteLength(spec.body) } : {}),
          },
          agent,
          timeout: 30_000,
        },
        (response) => {
          response.resume();
          response.on("end", () => {
            latencies.push(performance.now() - dueAt);
            if (!response.statusCode || response.statusCode >= 300) unexpected++;
            resolve();
          });
        },
      );
      request.on("error", () => {
        errors++;
        resolve();
      });
      request.end(spec.body);
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  };
  const started = performance.now();
  const interval = 1000 / options.rate;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      if (now - started >= options.seconds * 1000) {
        clearInterval(timer);
        resolve();
        return;
      }
      // Catch up on every request that fell due since the last tick, each stamped with its own due time.
      while (started + sent * interval <= now) fire(started + sent * interval);
    }, TICK_MS);
  });
  await Promise.all(pending);
  agent.destroy();
  return {
    ...summarizeLatencies(latencies),
    rate: options.rate,
    sent,
    completed: latencies.length,
    errors,
    unexpected,
  };
}
