import { EventEmitter } from "node:events";
import type { WorkerEvents } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { CRONTAB, type CronTask } from "./crontab";
import { collectingLog, pretendCrontabLastRan, query, queuedJobs, recordingProviders } from "./jobs.fixtures";
import { startJobWorker, type JobWorker } from "./runner";

const database = withTestDatabase();
const MINUTE = 60_000;

describe("the crontab", () => {
  it("runs each slot of each periodic task once across three workers, backfilling the slots none was up for", async () => {
    const url = database.current().url;
    const runs: string[] = [];
    // The real schedule, with each task replaced by a recorder of the slot it was given.
    const crontab: CronTask[] = CRONTAB.map((entry) => ({
      ...entry,
      run: async (_context, helpers) => {
        const slot = (helpers.job.payload as { _cron: { ts: string } })._cron.ts;
        runs.push(`${entry.task} ${new Date(slot).toISOString()}`);
      },
    }));
    // As if the workers stopped three minutes ago: the two slots since, and this minute's, are due.
    await pretendCrontabLastRan(
      url,
      crontab.map((entry) => entry.task),
      3,
    );
    const [{ minute }] = (await query<{ minute: Date }>(
      url,
      "SELECT date_trunc('minute', now()) AS minute",
    )) as [{ minute: Date }];
    // The every-minute tasks owe all three slots; the others (the evidence sweep and the idempotency
    // pruning, without backfill) only ever a later one, which the checks below allow.
    const expected = crontab
      .filter((entry) => entry.match === "* * * * *")
      .flatMap((entry) =>
        [2, 1, 0].map((ago) => `${entry.task} ${new Date(minute.getTime() - ago * MINUTE).toISOString()}`),
      );

    const { log, lines } = collectingLog();
    let backfilled = 0;
    const events: WorkerEvents = new EventEmitter();
    const allBackfilled = new Promise<void>((resolve) =>
      events.on("cron:started", () => ++backfilled === 3 && resolve()),
    );
    // Three at once, racing for the same slots.
    const workers: JobWorker[] = await Promise.all(
      [1, 2, 3].map(() =>
        startJobWorker({
          connectionString: url,
          crontab,
          events,
          log,
          providers: recordingProviders().providers,
        }),
      ),
    );
    try {
      await allBackfilled;
      // Every backfilled job is in the queue once the crons have started; wait for it to drain.
      await expect.poll(async () => (await queuedJobs(url)).length, { timeout: 15_000 }).toBe(0);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }

    expect(runs).toEqual(expect.arrayContaining(expected));
    // Nothing twice. (A minute boundary passing during the test adds one later slot per task, once.)
    expect(runs.length).toBe(new Set(runs).size);
    // Nor before the last recorded run.
    for (const extra of runs.filter((run) => !expected.includes(run)))
      expect(Date.parse(extra.split(" ")[1]!)).toBeGreaterThan(minute.getTime());
    expect(lines.filter((line) => !line.startsWith("info"))).toEqual([]);
  });
});
