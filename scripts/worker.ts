import path from "node:path";
import type { JobWorker, JobWorkerOptions } from "../lib/jobs/runner";
import { loadSecrets } from "./lib/secrets";
import { allowServerOnlyModules } from "./lib/server-only-stub";

/**
 * The job worker (lib/jobs/runner.ts) in this process, its runs counted in the metrics
 * (expedite_job_runs_total); DATABASE_URL etc. must be set.
 */
export async function startBackgroundWorker(options: JobWorkerOptions = {}): Promise<JobWorker> {
  allowServerOnlyModules();
  const [{ startJobWorker }, { recordJobRun }] = await Promise.all([
    import("../lib/jobs/runner"),
    import("../lib/observability/metrics"),
  ]);
  return startJobWorker({
    onJobFinished: (task, outcome, seconds) =>
      recordJobRun(task, outcome === "success" ? "ok" : "failed", seconds),
    ...options,
  });
}

// `npm run worker`: the job worker alone (decision 018). Any number may run, on any hosts: they
// share one queue in Postgres, periodic work runs once per slot across all of them, and the outbox
// claim (FOR UPDATE SKIP LOCKED) keeps them from sending a message twice.
async function main() {
  if (!process.env.DATABASE_URL) {
    console.error(
      "[worker] DATABASE_URL is not set (npm start provides the embedded database to itself only).",
    );
    process.exit(1);
  }
  // lib/env.ts insists on these although the worker does not use them. Beside the demo they come
  // from .data (generated there if missing); production never generates a secret (decision 017),
  // so there a missing one stops the worker with lib/env.ts's list instead.
  if (process.env.NODE_ENV !== "production" && (!process.env.NEXTAUTH_SECRET || !process.env.ID_HASH_KEY))
    Object.assign(process.env, loadSecrets(path.resolve(".data")));
  allowServerOnlyModules();
  const { setProcessType } = await import("../lib/observability/logger");
  setProcessType("worker");
  // The signal handlers go on in the same tick as the start, before any job can run: added after
  // the start had finished (and the metrics listener was set up), a SIGTERM in between found none and
  // killed the process outright (exit 143 under tsx) instead of finishing the jobs in hand.
  const started = startBackgroundWorker();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.log(`[worker] ${signal} again: exiting now.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`[worker] ${signal} received, finishing the jobs in hand.`);
    await (await started).stop();
    const { db } = await import("../lib/db");
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGINT", (signal) => void stop(signal));
  process.on("SIGTERM", (signal) => void stop(signal));
  await started;
  console.log("[worker] Running jobs (outbox relay, watches); Ctrl-C stops after the jobs in hand.");
  const { observabilityEnv } = await import("../lib/env");
  const { METRICS_PORT, METRICS_TOKEN } = observabilityEnv();
  if (METRICS_PORT !== undefined) {
    // Its own listener: Prometheus scrapes every worker directly (job counts are per process).
    const { serveMetrics } = await import("../lib/observability/metrics-access");
    await serveMetrics(METRICS_PORT);
    console.log(
      `[worker] Metrics on port ${METRICS_PORT}${METRICS_TOKEN ? "" : " (METRICS_TOKEN is unset: every scrape is refused)"}.`,
    );
  }
}

if (process.argv[1] && /worker\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error("[worker] Start failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
