import "server-only";
import { EventEmitter } from "node:events";
import {
  parseCronItems,
  run,
  runMigrations,
  type Runner,
  type TaskList,
  type WorkerEvents,
} from "graphile-worker";
import pg from "pg";
import { serverEnv } from "@/lib/env";
import { providersFromEnv } from "@/lib/notifications/delivery";
import type { Providers } from "@/lib/notifications/providers";
import { describeFailure } from "@/lib/notifications/retry-policy";
import { CRONTAB, DEFAULT_FILL_MINUTES, type CronTask } from "./crontab";
import { graphileLogger, jobLog, type JobLog } from "./log";
import { DELIVER_WEBHOOKS, RELAY_OUTBOX, deliverWebhooks, relayOutbox, type TaskContext } from "./tasks";

export type JobOutcome = "success" | "failure";

export type JobWorkerOptions = {
  /** Default: DATABASE_URL. */
  connectionString?: string;
  /** Jobs run at once by this worker. Default 4. */
  concurrency?: number;
  /** Checks for due jobs this often when no NOTIFY arrives (retries, scheduled jobs). Default 2 s. */
  pollIntervalMs?: number;
  /** How long stop() waits for jobs in hand before giving them up (they are retried). Default 30 s. */
  stopTimeoutMs?: number;
  /** Default: SMTP or the dev mailbox, from the environment. */
  providers?: Providers;
  log?: JobLog;
  /** Called once per finished job attempt: wire it to metrics (job runs, failures, durations). */
  onJobFinished?: (task: string, outcome: JobOutcome, seconds: number) => void;
  /** Default: CRONTAB. Tests replace it; [] schedules nothing. */
  crontab?: readonly CronTask[];
  /** Outbox batch size for the relay. */
  batchSize?: number;
  /** Pass an emitter to hear graphile-worker's events from the start (job:start, cron:started, …). */
  events?: WorkerEvents;
};

export type JobWorker = {
  /**
   * Stops taking jobs, lets the jobs in hand finish (the relay stops after its current batch),
   * then closes its connections. After `stopTimeoutMs` it gives the rest up: they are unlocked, and
   * another worker retries those with attempts left. Resolves either way; safe to call twice.
   */
  stop: () => Promise<void>;
};

/**
 * The job worker: runs queued jobs and the crontab, on graphile-worker (decision 018). Any number
 * of these, in any number of processes, share one database's queue. It has its own small
 * connection pool (concurrency + 2: one held for LISTEN, the rest for fetching and completing
 * jobs); the tasks themselves use the app's Prisma pool (DATABASE_POOL_MAX).
 */
export async function startJobWorker(options: JobWorkerOptions = {}): Promise<JobWorker> {
  const log = options.log ?? jobLog;
  const concurrency = options.concurrency ?? 4;
  const providers = options.providers ?? providersFromEnv();
  const crontab = options.crontab ?? CRONTAB;
  let stopping = false;
  const context: TaskContext = { providers, log, stopping: () => stopping, batchSize: options.batchSize };

  const taskList: TaskList = {};
  // The two tasks woken by triggers exist whatever the crontab (tests replace it).
  const woken = [
    { task: RELAY_OUTBOX, run: relayOutbox },
    { task: DELIVER_WEBHOOKS, run: deliverWebhooks },
  ];
  for (const entry of [...woken, ...crontab]) {
    taskList[entry.task] = async (_payload, helpers) => {
      const line = await entry.run(context, helpers);
      if (line) log("info", `${entry.task}: ${line}`);
    };
  }

  const pool = new pg.Pool({
    connectionString: options.connectionString ?? serverEnv().DATABASE_URL,
    max: concurrency + 2,
  });
  // A connection dropped by the server (a restart): the failed query is retried, the LISTEN
  // connection re-made by graphile-worker; unhandled, the error would end the process.
  // (While stopping, expected: `npm start` stops its embedded database on the same signal.)
  const lost = (error: Error) => {
    if (!stopping) log("warn", `job queue connection lost: ${describeFailure(error)}`);
  };
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));

  const events: WorkerEvents = options.events ?? new EventEmitter();
  watchJobs(events, log, options.onJobFinished);
  const workerIds = new Set<string>();
  events.on("worker:create", ({ worker }) => workerIds.add(worker.workerId));

  let runner: Runner;
  try {
    await registerTaskIdentifiers(pool, Object.keys(taskList), log);
    runner = await run({
      pgPool: pool,
      concurrency,
      pollInterval: options.pollIntervalMs ?? 2_000,
      // Our process decides when to stop (scripts/worker.ts, scripts/start.ts), not the library.
      noHandleSignals: true,
      logger: graphileLogger(log),
      events,
      taskList,
      parsedCronItems: parseCronItems(
        crontab.map((entry) => ({
          task: entry.task,
          identifier: entry.task,
          match: entry.match,
          options: { backfillPeriod: (entry.fillMinutes ?? DEFAULT_FILL_MINUTES) * 60_000, maxAttempts: 1 },
        })),
      ),
    });
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }

  let stopped: Promise<void> | undefined;
  const stop = async () => {
    stopping = true;
    const bound = options.stopTimeoutMs ?? 30_000;
    const graceful = runner.stop().then(
      () => "stopped" as const,
      (error: unknown) => {
        log("error", `job worker stopped with an error: ${describeFailure(error)}`);
        return "stopped" as const;
      },
    );
    const outcome = await Promise.race([graceful, delay(bound, "timeout" as const)]);
    if (outcome === "timeout") {
      log("warn", `jobs still running after ${bound} ms: giving them up (another worker retries them)`);
      // graphile-worker's remedy for a crashed worker: without it the jobs stay locked for 4 hours.
      await pool
        .query("SELECT graphile_worker.force_unlock_workers($1::text[])", [[...workerIds]])
        .catch((error: unknown) => log("error", `could not unlock the jobs: ${describeFailure(error)}`));
    }
    // A job that never returns keeps its connection: do not wait for it forever either.
    await Promise.race([pool.end().catch(() => {}), delay(bound, undefined)]);
    providers.email.close?.();
    providers.sms.close?.();
  };
  return { stop: () => (stopped ??= stop()) };
}

/** One log line per failed job, and every finished attempt to onJobFinished (for metrics). */
function watchJobs(events: WorkerEvents, log: JobLog, onJobFinished: JobWorkerOptions["onJobFinished"]) {
  const started = new Map<string, bigint>();
  const finish = (job: { id: string; task_identifier: string }, outcome: JobOutcome) => {
    const start = started.get(job.id);
    started.delete(job.id);
    const seconds = start === undefined ? 0 : Number(process.hrtime.bigint() - start) / 1e9;
    onJobFinished?.(job.task_identifier, outcome, seconds);
    return seconds;
  };
  events.on("job:start", ({ job }) => started.set(job.id, process.hrtime.bigint()));
  events.on("job:success", ({ job }) => void finish(job, "success"));
  events.on("job:error", ({ job, error }) => {
    const seconds = finish(job, "failure");
    const attempt = `attempt ${job.attempts} of ${job.max_attempts}`;
    log(
      "error",
      `${job.task_identifier} failed after ${seconds.toFixed(2)} s (${attempt}): ${describeFailure(error)}`,
    );
  });
}

function delay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(resolve, ms, value).unref());
}

/**
 * graphile-worker records each task name the first time a job of it is added, inside that add. Workers
 * starting together (a deploy, `compose up --scale worker=3`) each add their crontab's first jobs in
 * their own order, and two of them inserting the same new names in opposite orders deadlock
 * (seen in crontab.test.ts under load). Registering every name first, committed and in one sorted
 * order, leaves the adds nothing to wait for.
 */
async function registerTaskIdentifiers(pool: pg.Pool, identifiers: string[], log: JobLog): Promise<void> {
  await runMigrations({ pgPool: pool, logger: graphileLogger(log) });
  await pool.query(
    `INSERT INTO graphile_worker._private_tasks (identifier)
     SELECT identifier FROM unnest($1::text[]) AS identifier ORDER BY identifier
     ON CONFLICT DO NOTHING`,
    [[...identifiers].sort()],
  );
}
