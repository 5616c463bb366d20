import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import type { CronTask } from "./crontab";
import { collectingLog, gatedProviders, pretendCrontabLastRan, queuedJobs } from "./jobs.fixtures";
import { startJobWorker, type JobOutcome } from "./runner";

const database = withTestDatabase();

const settle = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.then(() => "resolved"),
    new Promise((resolve) => setTimeout(resolve, ms, "pending")),
  ]);

describe("stop()", () => {
  it("waits for the job in hand: the message being sent is sent and marked before it resolves", async () => {
    const { providers, sent, sendStarted, release } = gatedProviders();
    const { log, lines } = collectingLog();
    const worker = await startJobWorker({ providers, log, crontab: [] });
    const row = await db.notification.create({
      data: {
        channel: "EMAIL",
        template: "case.approved",
        payload: { number: "N-1" },
        toAddress: "a@test.example",
      },
    });
    await sendStarted;

    const stopping = worker.stop();
    // However long it is given, stop() cannot resolve while the send is held.
    expect(await settle(stopping, 300)).toBe("pending");
    release();
    await stopping;

    expect(sent).toEqual([row.id]);
    expect(
      await db.notification.findUniqueOrThrow({ where: { id: row.id }, select: { status: true } }),
    ).toEqual({
      status: "SENT",
    });
    expect(await queuedJobs(database.current().url)).toEqual([]);
    expect(lines).toEqual(["info: relay-outbox: sent 1, retrying 0, failed 0"]);
  });

  it("gives a job that does not finish up after its bound, unlocking it rather than holding it for hours", async () => {
    const hung = new Promise<void>(() => {});
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const crontab: CronTask[] = [
      {
        task: "hangs",
        match: "* * * * *",
        run: async () => {
          started();
          await hung;
        },
      },
    ];
    await pretendCrontabLastRan(database.current().url, ["hangs"], 1);
    const { log, lines } = collectingLog();
    const worker = await startJobWorker({
      crontab,
      log,
      stopTimeoutMs: 200,
      providers: gatedProviders().providers,
    });
    await running;
    await worker.stop();
    expect(lines).toContain(
      "warn: jobs still running after 200 ms: giving them up (another worker retries them)",
    );
    // Unlocked, so it does not wait for graphile-worker's four-hour lock timeout.
    expect(await queuedJobs(database.current().url)).toEqual([
      expect.objectContaining({ task_identifier: "hangs", locked_at: null }),
    ]);
  });
});

describe("onJobFinished", () => {
  it("reports every job's task, outcome and duration", async () => {
    const crontab: CronTask[] = [
      { task: "works", match: "* * * * *", run: async () => {} },
      {
        task: "fails",
        match: "* * * * *",
        run: async () => {
          throw new Error("no luck");
        },
      },
    ];
    await pretendCrontabLastRan(database.current().url, ["works", "fails"], 1);
    const finished: { task: string; outcome: JobOutcome; seconds: number }[] = [];
    const { log, lines } = collectingLog();
    const worker = await startJobWorker({
      crontab,
      log,
      providers: gatedProviders().providers,
      onJobFinished: (task, outcome, seconds) => finished.push({ task, outcome, seconds }),
    });
    try {
      await expect.poll(() => finished.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    } finally {
      await worker.stop();
    }
    expect(finished.slice(0, 2).sort((a, b) => a.task.localeCompare(b.task))).toEqual([
      { task: "fails", outcome: "failure", seconds: expect.any(Number) },
      { task: "works", outcome: "success", seconds: expect.any(Number) },
    ]);
    expect(finished.every((job) => job.seconds >= 0 && job.seconds < 60)).toBe(true);
    expect(lines).toContainEqual(
      expect.stringMatching(/^error: fails failed after [\d.]+ s \(attempt 1 of 1\): no luck$/),
    );
  });
});
