import { Module, createRequire } from "node:module";
import path from "node:path";
import type { JobWorker, JobWorkerOptions } from "../lib/jobs/runner";
import { loadSecrets } from "./lib/secrets";

/**
 * lib/ modules import "server-only", a marker for Next's bundler that throws when plain Node loads
 * it. The worker runs outside Next (here, or beside the server in npm start), so the marker is
 * answered with an empty module before any of lib/ loads. (`--conditions=react-server`, as the e2e
 * helpers use, would do the same but also switch next-intl to its React-server build, which
 * cannot run outside Next; the templates need next-intl's plain createTranslator.)
 */
function allowServerOnlyModules() {
  const require = createRequire(__filename);
  const id = require.resolve("server-only");
  if (require.cache[id]) return;
  const stub = new Module(id);
  stub.filename = id;
  stub.loaded = true;
  stub.exports = {};
  require.cache[id] = stub;
}

/** The job worker (lib/jobs/runner.ts) in this process; DATABASE_URL etc. must be set. */
export async function startBackgroundWorker(options: JobWorkerOptions = {}): Promise<JobWorker> {
  allowServerOnlyModules();
  const { startJobWorker } = await import("../lib/jobs/runner");
  return startJobWorker(options);
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
  const worker = await startBackgroundWorker();
  console.log("[worker] Running jobs (outbox relay, watches); Ctrl-C stops after the jobs in hand.");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.log(`[worker] ${signal} again: exiting now.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`[worker] ${signal} received, finishing the jobs in hand.`);
    await worker.stop();
    const { db } = await import("../lib/db");
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGINT", (signal) => void stop(signal));
  process.on("SIGTERM", (signal) => void stop(signal));
}

if (process.argv[1] && /worker\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error("[worker] Start failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
