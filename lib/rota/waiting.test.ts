import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { CRONTAB } from "@/lib/jobs/crontab";
import { collectingLog, pretendCrontabLastRan, recordingProviders } from "@/lib/jobs/jobs.fixtures";
import { startJobWorker } from "@/lib/jobs/runner";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { assignOnDuty } from "./auto-assign-mutations";
import { assignWaitingCases } from "./waiting-mutations";
import { ZONE, makeCase, makeService, makeShift, makeStaff, shanghai } from "./rota.fixtures";

const database = withTestDatabase();

// Monday 23 November 2026 in Shanghai: nobody for the service at 03:00, a day shift from 08:00.
const NIGHT = shanghai("2026-11-23T03:00");
const MORNING = shanghai("2026-11-23T08:01");

const flagAtNight = async (serviceId: string) => {
  const application = await makeCase(serviceId);
  await db.$transaction((tx) =>
    assignOnDuty(tx, { applicationId: application.id, serviceId, reason: "new", now: NIGHT, timeZone: ZONE }),
  );
  return application;
};

const stateOf = (id: string) =>
  db.application.findUniqueOrThrow({
    where: { id },
    select: { assigneeId: true, unstaffedAt: true, version: true },
  });

it("gives cases flagged at night to the day shift when it starts, least-loaded first, without telling the supervisors again", async () => {
  const service = await makeService();
  await makeStaff("SUPERVISOR");
  const [first, second] = [
    await makeStaff("REVIEWER", { services: [service.id] }),
    await makeStaff("REVIEWER", { services: [service.id] }),
  ];
  await makeShift(1, "08:00", "16:00", [first.id, second.id]);
  const cases = [await flagAtNight(service.id), await flagAtNight(service.id)];
  for (const application of cases)
    expect(await stateOf(application.id)).toMatchObject({ assigneeId: null, unstaffedAt: NIGHT });
  const supervisorNotices = await db.notification.count({
    where: { template: "staff.unstaffed", applicationId: { in: cases.map((row) => row.id) } },
  });

  // Still night: nothing changes, and nobody is told twice.
  await assignWaitingCases({ now: NIGHT, timeZone: ZONE });
  for (const application of cases)
    expect(await stateOf(application.id)).toMatchObject({ assigneeId: null, unstaffedAt: NIGHT });

  await assignWaitingCases({ now: MORNING, timeZone: ZONE });
  const after = await Promise.all(cases.map((application) => stateOf(application.id)));
  // One each (least-loaded), the flag cleared, and a new version for pages that have the case open.
  expect(new Set(after.map((row) => row.assigneeId))).toEqual(new Set([first.id, second.id]));
  after.forEach((row, index) =>
    expect(row).toMatchObject({ unstaffedAt: null, version: cases[index]!.version + 1 }),
  );
  const events = await db.timelineEvent.findMany({
    where: { applicationId: { in: cases.map((row) => row.id) }, action: "ASSIGNED" },
    select: { occurredAt: true, actorId: true },
  });
  expect(events).toEqual([
    { occurredAt: MORNING, actorId: null },
    { occurredAt: MORNING, actorId: null },
  ]);
  expect(
    await db.notification.count({
      where: { template: "staff.unstaffed", applicationId: { in: cases.map((row) => row.id) } },
    }),
  ).toBe(supervisorNotices);
  expect(
    await db.notification.count({
      where: { template: "staff.assigned", applicationId: { in: cases.map((row) => row.id) } },
    }),
  ).toBe(2);

  // Nothing left for a second run to do.
  await assignWaitingCases({ now: MORNING, timeZone: ZONE });
  expect(
    await db.timelineEvent.count({
      where: { applicationId: { in: cases.map((row) => row.id) }, action: "ASSIGNED" },
    }),
  ).toBe(2);
});

it("leaves a flagged case a supervisor already took, and two workers at once assign each case once", async () => {
  const service = await makeService();
  const supervisor = await makeStaff("SUPERVISOR");
  const reviewer = await makeStaff("REVIEWER", { services: [service.id] });
  await makeShift(1, "08:00", "16:00", [reviewer.id]);
  const taken = await flagAtNight(service.id);
  // A supervisor hands it out by hand before the shift, but the flag stays (as an old row might).
  await db.application.update({ where: { id: taken.id }, data: { assigneeId: supervisor.id } });
  const waiting = await flagAtNight(service.id);

  await Promise.all([
    assignWaitingCases({ now: MORNING, timeZone: ZONE }),
    assignWaitingCases({ now: MORNING, timeZone: ZONE }),
  ]);
  expect(await stateOf(taken.id)).toMatchObject({ assigneeId: supervisor.id });
  expect(await stateOf(waiting.id)).toMatchObject({ assigneeId: reviewer.id, unstaffedAt: null });
  expect(await db.timelineEvent.count({ where: { applicationId: waiting.id, action: "ASSIGNED" } })).toBe(1);
});

it("runs from the job worker's crontab", async () => {
  const service = await makeService();
  const reviewer = await makeStaff("REVIEWER", { services: [service.id] });
  // On duty around the clock, whatever the real time of this run.
  for (let weekday = 1; weekday <= 7; weekday++) await makeShift(weekday, "00:00", "00:00", [reviewer.id]);
  const waiting = await makeCase(service.id);
  await db.application.update({ where: { id: waiting.id }, data: { unstaffedAt: new Date() } });

  // Last run a minute before this one: the worker catches up on this minute's slot as it starts.
  const crontab = CRONTAB.filter((entry) => entry.task === "assign-waiting-cases");
  expect(crontab).toHaveLength(1);
  await pretendCrontabLastRan(database.current().url, ["assign-waiting-cases"], 1);
  const { log, lines } = collectingLog();
  const worker = await startJobWorker({ crontab, log, providers: recordingProviders().providers });
  try {
    await expect
      .poll(() => stateOf(waiting.id), { timeout: 10_000 })
      .toMatchObject({ assigneeId: reviewer.id });
  } finally {
    await worker.stop();
  }
  expect(await stateOf(waiting.id)).toMatchObject({ assigneeId: reviewer.id, unstaffedAt: null });
  expect(lines).toContain("info: assign-waiting-cases: rota: 1 case(s) waiting for someone on duty assigned");
});
