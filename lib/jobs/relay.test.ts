import { EventEmitter } from "node:events";
import type { WorkerEvents } from "graphile-worker";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { collectingLog, query, queuedJobs, recordingProviders } from "./jobs.fixtures";
import { startJobWorker } from "./runner";
import { RELAY_OUTBOX } from "./tasks";

const database = withTestDatabase();

const email = (n: number) => ({
  channel: "EMAIL" as const,
  template: "application.received",
  payload: { number: `N-${n}` },
  toAddress: `p${n}@test.example`,
});

beforeEach(async () => {
  await db.notification.deleteMany();
  await query(
    database.current().url,
    "DO $$ BEGIN IF to_regnamespace('graphile_worker') IS NOT NULL THEN DELETE FROM graphile_worker._private_jobs; END IF; END $$",
  );
});

describe("queuing a message adds the relay job in the same transaction", () => {
  it("adds none when the transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.notification.createMany({ data: [email(1), email(2)] });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.notification.count()).toBe(0);
    expect(await queuedJobs(database.current().url)).toEqual([]);
  });

  it("adds one keyed job however many messages and transactions commit, and none for in-app notices", async () => {
    await db.notification.create({ data: { ...email(0), channel: "IN_APP", toAddress: null } });
    expect(await queuedJobs(database.current().url)).toEqual([]);
    await db.$transaction(async (tx) => {
      await tx.notification.createMany({ data: [email(1), email(2)] });
      await tx.notification.create({ data: { ...email(3), channel: "SMS", toAddress: "+8613800000000" } });
    });
    await db.notification.create({ data: email(4) });
    expect(await queuedJobs(database.current().url)).toEqual([
      { task_identifier: RELAY_OUTBOX, key: RELAY_OUTBOX, locked_at: null },
    ]);
  });

  it("adds it when a failed message is put back in the queue", async () => {
    const row = await db.notification.create({ data: { ...email(6), status: "FAILED" } });
    expect(await queuedJobs(database.current().url)).toEqual([]);
    await db.notification.update({ where: { id: row.id }, data: { status: "PENDING" } });
    expect(await queuedJobs(database.current().url)).toEqual([
      { task_identifier: RELAY_OUTBOX, key: RELAY_OUTBOX, locked_at: null },
    ]);
  });

  it("wakes an idle worker at once, without waiting for its poll or the crontab", async () => {
    const url = database.current().url;
    const { providers, sent } = recordingProviders();
    const { log, lines } = collectingLog();
    const events: WorkerEvents = new EventEmitter();
    const idle = new Promise<void>((resolve) => events.once("worker:getJob:empty", () => resolve()));
    const listening = new Promise<void>((resolve) => events.once("pool:listen:success", () => resolve()));
    // Polls once an hour and schedules nothing: only the job added on commit can start the relay.
    const worker = await startJobWorker({
      connectionString: url,
      providers,
      log,
      events,
      crontab: [],
      concurrency: 1,
      pollIntervalMs: 3_600_000,
    });
    try {
      await Promise.all([idle, listening]);
      const row = await db.notification.create({ data: email(5) });
      await expect.poll(() => sent, { timeout: 10_000 }).toEqual([row.id]);
    } finally {
      await worker.stop();
    }
    expect(lines).toEqual(["info: relay-outbox: sent 1, retrying 0, failed 0"]);
  });
});

describe("two workers relaying a burst", () => {
  it("send every message exactly once", async () => {
    const url = database.current().url;
    const { providers, sent } = recordingProviders();
    const { log, lines } = collectingLog();
    const workers = await Promise.all(
      [1, 2].map(() => startJobWorker({ connectionString: url, providers, log, crontab: [], batchSize: 3 })),
    );
    let ids: string[] = [];
    try {
      // 40 transactions of 3 messages each, 8 at a time, while both workers relay.
      for (let wave = 0; wave < 5; wave++) {
        const created = await Promise.all(
          Array.from({ length: 8 }, (_, index) =>
            db.$transaction((tx) =>
              tx.notification.createManyAndReturn({
                data: [0, 1, 2].map((n) => email(wave * 100 + index * 10 + n)),
                select: { id: true },
              }),
            ),
          ),
        );
        ids.push(...created.flat().map((row) => row.id));
      }
      await expect
        .poll(() => db.notification.count({ where: { status: "SENT" } }), { timeout: 20_000 })
        .toBe(ids.length);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    ids = ids.sort();
    expect([...sent].sort()).toEqual(ids);
    expect(lines.filter((line) => !line.startsWith("info"))).toEqual([]);
  });
});

// Last in this file: it removes the job queue.
describe("a database without graphile-worker's schema", () => {
  it("still takes messages (the workers' once-a-minute relay finds them once the schema is back)", async () => {
    await query(database.current().url, "DROP SCHEMA graphile_worker CASCADE");
    await db.$transaction((tx) => tx.notification.create({ data: email(9) }));
    expect(await db.notification.count({ where: { status: "PENDING" } })).toBe(1);
  });
});
