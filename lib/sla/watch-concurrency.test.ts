import { beforeAll, describe, expect, it } from "vitest";
import { findStaffCase } from "@/lib/console/case-data";
import { listQueue } from "@/lib/console/data";
import { parseQueueFilters } from "@/lib/console/queue-schema";
import { db } from "@/lib/db";
import { CRONTAB } from "@/lib/jobs/crontab";
import { collectingLog, pretendCrontabLastRan, recordingProviders } from "@/lib/jobs/jobs.fixtures";
import { startJobWorker } from "@/lib/jobs/runner";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { runOverdueWatch } from "./mutations";
import {
  MINUTE,
  at,
  auditActions,
  createSlaWorld,
  openCase,
  watchNotices,
  type SlaWorld,
} from "./sla.fixtures";

const database = withTestDatabase();

let world: SlaWorld;
beforeAll(async () => {
  world = await createSlaWorld();
});

const templatesOf = async (id: string) =>
  (await watchNotices(id)).map((row) => `${row.template}:${row.channel}:${row.recipientId}`).sort();

describe("runOverdueWatch with several workers", () => {
  it("sends each notice once when two watchers run at the same moment", async () => {
    const cases = await Promise.all(
      Array.from({ length: 7 }, (_, index) =>
        openCase(world, { assigneeId: index % 2 ? world.reviewer.id : null }),
      ),
    );
    const warned = await Promise.all(
      Array.from({ length: 5 }, () => openCase(world, { assigneeId: world.reviewer.id, nodeDueAt: at(200) })),
    );
    // Small batches, so the two watchers interleave over several transactions each.
    const [first, second] = await Promise.all([
      runOverdueWatch({ now: at(160), batchSize: 2 }),
      runOverdueWatch({ now: at(160), batchSize: 2 }),
    ]);
    expect(first.escalated + second.escalated).toBeGreaterThanOrEqual(cases.length);
    for (const application of cases) {
      expect(await templatesOf(application.id)).toEqual(
        [
          `case.expedited:EMAIL:${world.applicant.id}`,
          `case.expedited:IN_APP:${world.applicant.id}`,
          `case.expedited:SMS:${world.applicant.id}`,
          `sla.overdue:IN_APP:${world.onDuty.id}`,
        ].sort(),
      );
      expect(await auditActions(application.id)).toEqual([{ action: "sla.escalated", actorId: null }]);
    }
    for (const application of warned)
      expect(await templatesOf(application.id)).toEqual([`sla.warning:IN_APP:${world.reviewer.id}`]);
  });
});

describe("deadline risk", () => {
  it("flags a case planned to finish after its needed-by date once, for the supervisor on duty", async () => {
    const late = await openCase(world, { caseDueAt: at(3000), neededBy: at(2000), nodeDueAt: at(5000) });
    const fine = await openCase(world, { caseDueAt: at(1000), neededBy: at(2000), nodeDueAt: at(5000) });
    for (const minute of [10, 11, 500]) await runOverdueWatch({ now: at(minute) });
    expect(await templatesOf(late.id)).toEqual([`sla.deadlineRisk:IN_APP:${world.onDuty.id}`]);
    expect(await templatesOf(fine.id)).toEqual([]);
    expect(
      await db.application.findUniqueOrThrow({ where: { id: late.id }, select: { deadlineRiskAt: true } }),
    ).toEqual({ deadlineRiskAt: at(10) });
    expect(await auditActions(late.id)).toEqual([{ action: "sla.deadlineRisk", actorId: null }]);
    // What the queue's flag and the workspace read.
    const queue = await listQueue(world.onDuty, parseQueueFilters({ q: late.number }), at(500));
    expect(queue.items.map((row) => [row.number, row.deadlineRiskAt, row.unstaffedAt])).toEqual([
      [late.number, at(10), null],
    ]);
    expect((await findStaffCase(world.onDuty, late.number))!.sla).toMatchObject({
      deadlineRiskAt: at(10),
      escalatedAt: null,
      pausedMinutes: 0,
    });
  });

  it("flags an open case whose needed-by date has passed, even while it waits for the applicant", async () => {
    const waiting = await openCase(world, {
      status: "AWAITING_APPLICANT",
      currentNode: "AWAITING_SUPPLEMENT",
      caseDueAt: at(100),
      neededBy: at(200),
      nodeDueAt: at(5000),
    });
    await runOverdueWatch({ now: at(150) });
    expect(await templatesOf(waiting.id)).toEqual([]);
    await runOverdueWatch({ now: at(201) });
    expect(await templatesOf(waiting.id)).toEqual([`sla.deadlineRisk:IN_APP:${world.onDuty.id}`]);
  });
});

describe("nobody on duty", () => {
  it("alerts every active supervisor instead", async () => {
    const application = await openCase(world, {
      nodeDueAt: at(24 * 60 + 10),
      nodeEnteredAt: at(24 * 60 - 110),
    });
    // The next (local) day: the only shift is over.
    await runOverdueWatch({ now: at(24 * 60 + 20) });
    const supervisors = await db.user.findMany({
      where: { role: "SUPERVISOR", active: true },
      select: { id: true },
    });
    expect(supervisors.map((user) => user.id)).toEqual(
      expect.arrayContaining([world.onDuty.id, world.offDuty.id]),
    );
    const alerted = (await watchNotices(application.id))
      .filter((row) => row.template === "sla.overdue")
      .map((row) => row.recipientId);
    expect(alerted.sort()).toEqual(supervisors.map((user) => user.id).sort());
  });
});

describe("the job worker", () => {
  it("runs the watch from its crontab", async () => {
    const now = Date.now();
    const first = await openCase(world, {
      assigneeId: world.reviewer.id,
      nodeEnteredAt: new Date(now - 100 * MINUTE),
      nodeDueAt: new Date(now + 20 * MINUTE),
      caseDueAt: new Date(now + 60 * MINUTE),
      neededBy: new Date(now + 600 * MINUTE),
    });
    // Last run a minute before this one: the worker catches up on this minute's slot as it starts.
    // (That each slot runs once across workers is lib/jobs/crontab.test.ts.)
    const crontab = CRONTAB.filter((entry) => entry.task === "overdue-watch");
    expect(crontab).toHaveLength(1);
    await pretendCrontabLastRan(database.current().url, ["overdue-watch"], 1);
    const { log, lines } = collectingLog();
    const worker = await startJobWorker({ crontab, log, providers: recordingProviders().providers });
    try {
      await expect
        .poll(() => templatesOf(first.id), { timeout: 10_000 })
        .toEqual([`sla.warning:IN_APP:${world.reviewer.id}`]);
    } finally {
      await worker.stop();
    }
    expect(lines).toContain("info: overdue-watch: overdue watch: warned 1, escalated 0, deadline risks 0");
  });
});
