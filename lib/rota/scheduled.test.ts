import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/mutations";
import { buildApplicationSchema } from "@/lib/applications/schema";
import { db } from "@/lib/db";
import { applicationFormValues } from "@/lib/testing/fixtures";
import { makeCnResidentId } from "@/lib/identity/id-number";
import { runOverdueWatch } from "@/lib/sla/mutations";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { seedDemoData } from "@/prisma/seed";
import { startScheduledCases } from "./scheduled-mutations";
import { ZONE, shanghai } from "./rota.fixtures";

// "Start next morning" honoured (issue 16 item 4, decision 035) against the seeded rota: a day
// shift 08:00–16:00, an evening shift 16:00–24:00 (both with reviewer1) and a night shift, daily.
withTestDatabase();

const HOUR = 3_600_000;
const MINUTE = 60_000;

beforeAll(async () => {
  await seedDemoData(db, { idHashKey: "k".repeat(32), now: shanghai("2026-03-01T12:00") });
});

// Tuesday 10 March 2026, 23:30 in Shanghai: the evening shift is on.
const NIGHT = shanghai("2026-03-10T23:30");

async function fileAt(now: Date, { nextDay }: { nextDay: boolean }) {
  const applicant = await db.user.create({
    data: {
      email: `applicant-${randomUUID()}@test.example`,
      displayName: "Test",
      passwordHash: "x",
      emailConfirmedAt: now,
    },
    select: { id: true, role: true },
  });
  const draft = (kind: "ID_PROOF" | "OTHER" | "URGENCY_PROOF") =>
    db.evidenceFile.create({
      data: {
        uploaderId: applicant.id,
        kind,
        originalName: `${kind}.pdf`,
        mimeType: "application/pdf",
        sizeBytes: 1000,
        sha256: randomUUID().replaceAll("-", ""),
        storageKey: randomUUID(),
      },
      select: { id: true },
    });
  const evidenceIds = [
    (await draft("ID_PROOF")).id,
    (await draft("OTHER")).id,
    (await draft("URGENCY_PROOF")).id,
  ];
  const values = applicationFormValues({
    neededBy: "2026-04-20",
    utcOffsetMinutes: "-480",
    reason: "I would like my passport renewed before a holiday next month; nothing is at risk.",
    triageConsequence: "INCONVENIENCE",
    triageHealthSafety: "NO",
    triageAffected: "SELF",
    triageNextDay: nextDay ? "yes" : "",
    idType: "CN_RESIDENT_ID",
    idNumber: makeCnResidentId("44030519851122771"),
    evidenceIds,
  });
  const created = await createApplication(applicant, buildApplicationSchema(() => now).parse(values), {
    now,
  });
  return created.id;
}

const stateOf = (id: string) =>
  db.application.findUniqueOrThrow({
    where: { id },
    select: {
      assigneeId: true,
      nodeDueAt: true,
      caseDueAt: true,
      nodeEnteredAt: true,
      scheduledStartAt: true,
      unstaffedAt: true,
      slaWarnedAt: true,
      slaEscalatedAt: true,
      triageAnswers: true,
    },
  });

/** The rota's own answer, read independently of the code under test: Wednesday's day shift. */
async function wednesdayDayShiftStart() {
  const shift = await db.shift.findFirstOrThrow({
    where: { weekday: 3, startMinute: { gte: 7 * 60, lt: 22 * 60 } },
    orderBy: { startMinute: "asc" },
    select: { startMinute: true },
  });
  return new Date(shanghai("2026-03-11T00:00").getTime() + shift.startMinute * MINUTE);
}

async function urgentTier() {
  return db.serviceTier.findFirstOrThrow({
    where: { service: { code: "passport-renewal" }, tier: "URGENT" },
    select: { processingHours: true },
  });
}

describe("a case filed at night with “start next morning”", () => {
  it("is neither assigned nor timed before the day shift starts, and the applicant is told that start", async () => {
    const start = await wednesdayDayShiftStart();
    expect(start).toEqual(shanghai("2026-03-11T08:00"));
    const id = await fileAt(NIGHT, { nextDay: true });

    expect(await stateOf(id)).toMatchObject({
      assigneeId: null,
      nodeDueAt: null,
      caseDueAt: null,
      unstaffedAt: null,
      scheduledStartAt: start,
      triageAnswers: { scheduledNextDay: true },
    });
    const told = await db.notification.findMany({
      where: { applicationId: id, template: "application.received" },
      select: { channel: true, payload: true },
    });
    expect(told.map((row) => row.channel).sort()).toEqual(["EMAIL", "IN_APP", "SMS"]);
    for (const row of told) expect(row.payload).toMatchObject({ startsAt: start.toISOString() });

    // A minute before the start: the worker leaves it alone, and the overdue watch never sees it.
    const before = new Date(start.getTime() - MINUTE);
    await startScheduledCases({ now: before, timeZone: ZONE });
    await runOverdueWatch({ now: before });
    expect(await stateOf(id)).toMatchObject({
      assigneeId: null,
      nodeDueAt: null,
      scheduledStartAt: start,
      slaWarnedAt: null,
      slaEscalatedAt: null,
    });
    expect(await db.timelineEvent.count({ where: { applicationId: id, action: "ASSIGNED" } })).toBe(0);
  });

  it("is assigned at the start and timed from it, even when the worker runs a few minutes late", async () => {
    const start = await wednesdayDayShiftStart();
    const id = await fileAt(NIGHT, { nextDay: true });
    const late = new Date(start.getTime() + 3 * MINUTE);
    await startScheduledCases({ now: late, timeZone: ZONE });

    const state = await stateOf(id);
    const reviewer1 = await db.user.findUniqueOrThrow({
      where: { email: "reviewer1@expedite.test" },
      select: { id: true },
    });
    const { processingHours } = await urgentTier();
    expect(state).toMatchObject({
      assigneeId: reviewer1.id,
      scheduledStartAt: null,
      nodeEnteredAt: start,
      caseDueAt: new Date(start.getTime() + processingHours * HOUR),
    });
    expect(state.nodeDueAt!.getTime()).toBeGreaterThan(start.getTime());
    expect(await db.timelineEvent.count({ where: { applicationId: id, action: "ASSIGNED" } })).toBe(1);
    // Once only.
    await startScheduledCases({ now: new Date(late.getTime() + MINUTE), timeZone: ZONE });
    expect(await db.timelineEvent.count({ where: { applicationId: id, action: "ASSIGNED" } })).toBe(1);
  });

  it("keeps an assignee given early, and is still timed from the start", async () => {
    const start = await wednesdayDayShiftStart();
    const id = await fileAt(NIGHT, { nextDay: true });
    const reviewer2 = await db.user.findUniqueOrThrow({
      where: { email: "reviewer2@expedite.test" },
      select: { id: true },
    });
    // As a supervisor's hand-out would leave it (the hand-out itself is lib/workflow's).
    await db.application.update({ where: { id }, data: { assigneeId: reviewer2.id } });
    await startScheduledCases({ now: start, timeZone: ZONE });
    const { processingHours } = await urgentTier();
    expect(await stateOf(id)).toMatchObject({
      assigneeId: reviewer2.id,
      scheduledStartAt: null,
      nodeEnteredAt: start,
      caseDueAt: new Date(start.getTime() + processingHours * HOUR),
    });
  });

  it("without the choice, is assigned and timed at once", async () => {
    const id = await fileAt(NIGHT, { nextDay: false });
    const { processingHours } = await urgentTier();
    expect(await stateOf(id)).toMatchObject({
      scheduledStartAt: null,
      caseDueAt: new Date(NIGHT.getTime() + processingHours * HOUR),
      assigneeId: expect.any(String),
      triageAnswers: { scheduledNextDay: false },
    });
    const received = await db.notification.findFirstOrThrow({
      where: { applicationId: id, template: "application.received", channel: "EMAIL" },
      select: { payload: true },
    });
    expect(received.payload).not.toHaveProperty("startsAt");
  });
});
