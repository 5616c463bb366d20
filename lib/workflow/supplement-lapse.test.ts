import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { T0, TARGETS, at, createSlaWorld, openCase, type SlaWorld } from "@/lib/sla/sla.fixtures";
import { createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { runSupplementLapse, runSupplementReminders } from "./deadline-mutations";
import { ConcurrentChangeError, TransitionNotAllowedError, TransitionRequirementError } from "./errors";
import { handleLapsedSupplement } from "./lapse-mutations";
import { performTransition, requestSupplement } from "./mutations";

// Supplement deadlines (decision 034) against a real Postgres, every clock pinned to T0 + minutes.
withTestDatabase();

const HOUR = 60;
let world: SlaWorld;
let shiftId: string;
let timeZone: string;

beforeAll(async () => {
  world = await createSlaWorld();
  timeZone = serverEnv().ROTA_TIME_ZONE;
  const shift = await db.shift.findFirstOrThrow({
    where: { members: { some: { userId: world.onDuty.id } } },
    select: { id: true },
  });
  shiftId = shift.id;
});

type Reviewer = { id: string; role: "REVIEWER" };

async function reviewer(onDuty: boolean): Promise<Reviewer> {
  const user = await createTestUser("REVIEWER", { locale: "en" });
  await db.staffService.create({ data: { userId: user.id, serviceId: world.serviceId } });
  if (onDuty) await db.shiftMember.create({ data: { shiftId, userId: user.id } });
  return { id: user.id, role: "REVIEWER" };
}

/** A case in `node`, assigned, asked at T0 for material due `dueHours` later; returns it at version 1. */
async function waitingCase(
  dueHours: number,
  options: { assignee?: Reviewer; node?: "MATERIAL_CHECK" | "SUBSTANTIVE_REVIEW"; paid?: boolean } = {},
) {
  const assignee = options.assignee ?? (await reviewer(true));
  const application = await openCase(world, {
    assigneeId: assignee.id,
    currentNode: options.node ?? "MATERIAL_CHECK",
    // A paid 50-yuan surcharge: what a missed promise gives back.
    ...(options.paid ? { paymentStatus: "PAID" as const, paidAt: T0, feeSurchargeMinor: 5000 } : {}),
  });
  await requestSupplement({
    applicationId: application.id,
    expectedVersion: 0,
    viewer: assignee,
    items: [{ problem: "The passport page is unreadable." }],
    dueAt: at(dueHours * HOUR),
    now: T0,
  });
  return { ...application, assignee };
}

const reminders = (applicationId: string) =>
  db.notification.findMany({
    where: { applicationId, template: "case.supplementReminder" },
    orderBy: [{ createdAt: "asc" }, { channel: "asc" }],
    select: { channel: true, createdAt: true, payload: true },
  });

const caseRow = (id: string) =>
  db.application.findUniqueOrThrow({
    where: { id },
    select: {
      currentNode: true,
      status: true,
      version: true,
      nodeDueAt: true,
      nodeEnteredAt: true,
      caseDueAt: true,
      pausedMinutes: true,
      supplementLapsedAt: true,
      closedAt: true,
      assigneeId: true,
      unstaffedAt: true,
    },
  });

describe("reminders before a supplement's due time", () => {
  it("go out 24 h and 2 h before, in the app, by email and by text, each once however often the task runs", async () => {
    const application = await waitingCase(48);
    for (const minute of [0, 23 * HOUR, 24 * HOUR, 24 * HOUR + 1, 30 * HOUR, 46 * HOUR, 47 * HOUR, 48 * HOUR])
      await runSupplementReminders({ now: at(minute) });
    const sent = await reminders(application.id);
    expect(
      sent.map((row) => `${row.channel}@${(row.createdAt.getTime() - T0.getTime()) / 3_600_000}`),
    ).toEqual(["IN_APP@24", "EMAIL@24", "SMS@24", "IN_APP@46", "EMAIL@46", "SMS@46"]);
    expect(sent[0]!.payload).toMatchObject({
      number: application.number,
      dueAt: at(48 * HOUR).toISOString(),
    });
  });

  it("skip a reminder whose moment had passed when the material was asked for (12 h: only the 2 h one)", async () => {
    const application = await waitingCase(12);
    for (const minute of [0, 1, 9 * HOUR, 10 * HOUR, 11 * HOUR])
      await runSupplementReminders({ now: at(minute) });
    const sent = await reminders(application.id);
    expect(sent.map((row) => row.createdAt.getTime())).toEqual(Array(3).fill(at(10 * HOUR).getTime()));
  });

  it("send only the nearest one when the task runs late, and never the other after it", async () => {
    const application = await waitingCase(48);
    await runSupplementReminders({ now: at(47 * HOUR) });
    await runSupplementReminders({ now: at(47 * HOUR + 30) });
    expect((await reminders(application.id)).map((row) => row.createdAt.getTime())).toEqual(
      Array(3).fill(at(47 * HOUR).getTime()),
    );
  });

  it("are sent once by concurrent runs", async () => {
    const application = await waitingCase(48);
    await Promise.all(Array.from({ length: 4 }, () => runSupplementReminders({ now: at(24 * HOUR) })));
    expect(await reminders(application.id)).toHaveLength(3);
  });

  it("stop once the applicant answered or withdrew", async () => {
    const answered = await waitingCase(48);
    const withdrawn = await waitingCase(48);
    const applicant = { id: world.applicant.id, role: "APPLICANT" as const };
    await performTransition({
      applicationId: answered.id,
      expectedVersion: 1,
      viewer: applicant,
      transition: "PROVIDE_SUPPLEMENT",
      input: { publicNote: "Here is a clearer scan." },
      now: at(HOUR),
    });
    await performTransition({
      applicationId: withdrawn.id,
      expectedVersion: 1,
      viewer: applicant,
      transition: "WITHDRAW",
      now: at(HOUR),
    });
    await runSupplementReminders({ now: at(24 * HOUR) });
    await runSupplementReminders({ now: at(46 * HOUR) });
    expect(await reminders(answered.id)).toEqual([]);
    expect(await reminders(withdrawn.id)).toEqual([]);
  });
});

describe("a supplement that lapses", () => {
  it("is flagged once at its due time and goes back to its assignee on duty, with a timeline note and an audit row", async () => {
    const application = await waitingCase(12);
    expect(await runSupplementLapse({ now: at(12 * HOUR - 1), timeZone })).toBe(0);
    await Promise.all(Array.from({ length: 3 }, () => runSupplementLapse({ now: at(12 * HOUR), timeZone })));
    await runSupplementLapse({ now: at(13 * HOUR), timeZone });
    const row = await caseRow(application.id);
    expect(row).toMatchObject({
      supplementLapsedAt: at(12 * HOUR),
      assigneeId: application.assignee.id,
      currentNode: "AWAITING_SUPPLEMENT",
      // Bookkeeping like the overdue watch's flags: an applicant's page stays current.
      version: 1,
    });
    const notices = await db.notification.findMany({
      where: { applicationId: application.id, template: "staff.supplementLapsed" },
      select: { recipientId: true },
    });
    expect(notices).toEqual([{ recipientId: application.assignee.id }]);
    const events = await db.timelineEvent.findMany({
      where: { applicationId: application.id, action: "SUPPLEMENT_LAPSED" },
      select: { noteKey: true, actorId: true },
    });
    expect(events).toEqual([{ noteKey: "supplementLapsed", actorId: null }]);
    expect(
      await db.auditLog.count({ where: { entityId: application.id, action: "sla.supplementLapsed" } }),
    ).toBe(1);
  });

  it("goes to a reviewer on duty when its assignee is off duty (the rota's rule for a returning case)", async () => {
    const offDuty = await reviewer(false);
    await reviewer(true);
    const application = await waitingCase(12, { assignee: offDuty });
    await runSupplementLapse({ now: at(12 * HOUR), timeZone });
    const row = await caseRow(application.id);
    expect(row.assigneeId).not.toBeNull();
    expect(row.assigneeId).not.toBe(offDuty.id);
    const notice = await db.notification.findFirstOrThrow({
      where: { applicationId: application.id, template: "staff.supplementLapsed" },
      select: { recipientId: true },
    });
    expect(notice.recipientId).toBe(row.assigneeId);
  });

  it("is not flagged when the applicant answered in time", async () => {
    const application = await waitingCase(12);
    await performTransition({
      applicationId: application.id,
      expectedVersion: 1,
      viewer: { id: world.applicant.id, role: "APPLICANT" },
      transition: "PROVIDE_SUPPLEMENT",
      input: { publicNote: "Here it is." },
      now: at(11 * HOUR),
    });
    await runSupplementLapse({ now: at(12 * HOUR), timeZone });
    expect((await caseRow(application.id)).supplementLapsedAt).toBeNull();
  });
});

describe("staff's answers to a lapsed supplement, and the clock", () => {
  // Asked at T0, due at T0 + 12 h, lapsed then; staff act at T0 + 15 h. The case was due at T0 + 48 h.
  const ACT = at(15 * HOUR);

  async function lapsedCase(options: { node?: "MATERIAL_CHECK" | "SUBSTANTIVE_REVIEW" } = {}) {
    const application = await waitingCase(12, options);
    await runSupplementLapse({ now: at(12 * HOUR), timeZone });
    return application;
  }

  it("extending: a new due time for the applicant, the wait up to the old due time banked, the 3 h since counted", async () => {
    const application = await lapsedCase();
    const outcome = await handleLapsedSupplement({
      applicationId: application.id,
      expectedVersion: 1,
      viewer: application.assignee,
      action: "EXTEND_SUPPLEMENT",
      input: { dueAt: at(40 * HOUR) },
      now: ACT,
    });
    expect(outcome).toMatchObject({ version: 2, currentNode: "AWAITING_SUPPLEMENT" });
    expect(await caseRow(application.id)).toMatchObject({
      status: "AWAITING_APPLICANT",
      nodeDueAt: at(40 * HOUR),
      nodeEnteredAt: ACT,
      pausedMinutes: 12 * HOUR,
      caseDueAt: at((48 + 12) * HOUR),
      supplementLapsedAt: null,
    });
    const told = await db.notification.findMany({
      where: { applicationId: application.id, template: "case.supplementExtended" },
      select: { channel: true, payload: true },
    });
    expect(told.map((row) => row.channel).sort()).toEqual(["EMAIL", "IN_APP"]);
    expect(told[0]!.payload).toMatchObject({ dueAt: at(40 * HOUR).toISOString() });
    // The new wait reminds again, counted from the extension (25 h ahead: both lead times apply).
    await runSupplementReminders({ now: at(16 * HOUR) });
    expect(await reminders(application.id)).toHaveLength(3);
    // Answered at T0 + 20 h: 5 h more of waiting, banked up to the answer.
    await performTransition({
      applicationId: application.id,
      expectedVersion: 2,
      viewer: { id: world.applicant.id, role: "APPLICANT" },
      transition: "PROVIDE_SUPPLEMENT",
      input: { publicNote: "Sorry for the delay." },
      now: at(20 * HOUR),
    });
    expect(await caseRow(application.id)).toMatchObject({
      pausedMinutes: 17 * HOUR,
      caseDueAt: at((48 + 17) * HOUR),
    });
  });

  it("continuing without it: back to the step that asked, its clock restarted, the wait banked up to the due time", async () => {
    const application = await lapsedCase({ node: "SUBSTANTIVE_REVIEW" });
    await handleLapsedSupplement({
      applicationId: application.id,
      expectedVersion: 1,
      viewer: application.assignee,
      action: "CONTINUE_WITHOUT_SUPPLEMENT",
      now: ACT,
    });
    expect(await caseRow(application.id)).toMatchObject({
      currentNode: "SUBSTANTIVE_REVIEW",
      status: "IN_PROGRESS",
      nodeEnteredAt: ACT,
      nodeDueAt: new Date(ACT.getTime() + TARGETS.SUBSTANTIVE_REVIEW * 60_000),
      pausedMinutes: 12 * HOUR,
      caseDueAt: at((48 + 12) * HOUR),
      supplementLapsedAt: null,
      closedAt: null,
    });
    const request = await db.supplementRequest.findFirstOrThrow({
      where: { applicationId: application.id },
      select: { status: true },
    });
    expect(request.status).toBe("CANCELLED");
    const event = await db.timelineEvent.findFirstOrThrow({
      where: { applicationId: application.id, action: "SUPPLEMENT_WAIVED" },
      select: { noteKey: true, node: true, actorId: true },
    });
    expect(event).toEqual({
      noteKey: "supplementWaived",
      node: "SUBSTANTIVE_REVIEW",
      actorId: application.assignee.id,
    });
  });

  it("closing as not provided: rejected with the standard reason, SMS included, the wait banked up to the due time", async () => {
    const application = await lapsedCase();
    const supervisor = { id: world.onDuty.id, role: "SUPERVISOR" as const };
    await handleLapsedSupplement({
      applicationId: application.id,
      expectedVersion: 1,
      viewer: supervisor,
      action: "CLOSE_NOT_PROVIDED",
      now: ACT,
    });
    expect(await caseRow(application.id)).toMatchObject({
      currentNode: "REJECTED",
      status: "REJECTED",
      closedAt: ACT,
      nodeDueAt: null,
      pausedMinutes: 12 * HOUR,
      caseDueAt: at((48 + 12) * HOUR),
      supplementLapsedAt: null,
    });
    const event = await db.timelineEvent.findFirstOrThrow({
      where: { applicationId: application.id, action: "REJECTED" },
      select: { noteKey: true },
    });
    expect(event.noteKey).toBe("supplementNotProvided");
    const channels = await db.notification.findMany({
      where: { applicationId: application.id, template: "case.closedNotProvided" },
      select: { channel: true },
    });
    expect(channels.map((row) => row.channel).sort()).toEqual(["EMAIL", "IN_APP", "SMS"]);
    expect(
      await db.auditLog.count({ where: { entityId: application.id, action: "workflow.CLOSE_NOT_PROVIDED" } }),
    ).toBe(1);
    const request = await db.supplementRequest.findFirstOrThrow({
      where: { applicationId: application.id },
      select: { status: true },
    });
    expect(request.status).toBe("NOT_PROVIDED");
  });

  it("an answer after the lapse but before staff act banks only the wait up to the due time", async () => {
    const application = await lapsedCase();
    await performTransition({
      applicationId: application.id,
      expectedVersion: 1,
      viewer: { id: world.applicant.id, role: "APPLICANT" },
      transition: "PROVIDE_SUPPLEMENT",
      input: { publicNote: "Late, but here." },
      now: ACT,
    });
    expect(await caseRow(application.id)).toMatchObject({
      currentNode: "MATERIAL_CHECK",
      pausedMinutes: 12 * HOUR,
      caseDueAt: at((48 + 12) * HOUR),
      supplementLapsedAt: null,
    });
  });
});

describe("who may answer a lapsed supplement", () => {
  async function lapsedCase() {
    const application = await waitingCase(12);
    await runSupplementLapse({ now: at(12 * HOUR), timeZone });
    return application;
  }
  const act = (
    applicationId: string,
    viewer: { id: string; role: "REVIEWER" | "SUPERVISOR" | "APPLICANT" | "ADMIN" },
    now = at(15 * HOUR),
  ) =>
    handleLapsedSupplement({
      applicationId,
      expectedVersion: 1,
      viewer,
      action: "CONTINUE_WITHOUT_SUPPLEMENT",
      now,
    });

  it("refuses another reviewer, the applicant and an administrator, and changes nothing", async () => {
    const application = await lapsedCase();
    const other = await reviewer(true);
    const admin = await createTestUser("ADMIN");
    await expect(act(application.id, other)).rejects.toBeInstanceOf(TransitionNotAllowedError);
    await expect(act(application.id, { id: world.applicant.id, role: "APPLICANT" })).rejects.toBeInstanceOf(
      TransitionNotAllowedError,
    );
    await expect(act(application.id, { id: admin.id, role: "ADMIN" })).rejects.toBeInstanceOf(
      TransitionNotAllowedError,
    );
    expect(await caseRow(application.id)).toMatchObject({ version: 1, currentNode: "AWAITING_SUPPLEMENT" });
  });

  it("refuses before the due time, a stale version, and an extension into the past", async () => {
    const early = await waitingCase(12);
    await expect(act(early.id, early.assignee, at(11 * HOUR))).rejects.toBeInstanceOf(
      TransitionNotAllowedError,
    );
    const application = await lapsedCase();
    await expect(
      handleLapsedSupplement({
        applicationId: application.id,
        expectedVersion: 0,
        viewer: application.assignee,
        action: "CONTINUE_WITHOUT_SUPPLEMENT",
        now: at(15 * HOUR),
      }),
    ).rejects.toBeInstanceOf(ConcurrentChangeError);
    await expect(
      handleLapsedSupplement({
        applicationId: application.id,
        expectedVersion: 1,
        viewer: application.assignee,
        action: "EXTEND_SUPPLEMENT",
        input: { dueAt: at(14 * HOUR) },
        now: at(15 * HOUR),
      }),
    ).rejects.toBeInstanceOf(TransitionRequirementError);
  });

  it("lets exactly one of two concurrent answers through", async () => {
    const application = await lapsedCase();
    const supervisor = { id: world.onDuty.id, role: "SUPERVISOR" as const };
    const results = await Promise.allSettled([
      act(application.id, application.assignee),
      handleLapsedSupplement({
        applicationId: application.id,
        expectedVersion: 1,
        viewer: supervisor,
        action: "CLOSE_NOT_PROVIDED",
        now: at(15 * HOUR),
      }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConcurrentChangeError);
  });
});

describe("a lapsed supplement and the promise's refund", () => {
  // Due at T0 + 48 h; material asked at T0, due at T0 + 12 h: only those 12 h are the applicant's,
  // so the promise moves to T0 + 60 h however long the request then stays open.
  const refunds = (applicationId: string) =>
    db.refund.findMany({ where: { applicationId }, select: { cause: true, amountMinor: true } });

  it("closing as not provided after the moved promise refunds the surcharge; before it, nothing", async () => {
    const supervisor = { id: world.onDuty.id, role: "SUPERVISOR" as const };
    const late = await waitingCase(12, { paid: true });
    const onTime = await waitingCase(12, { paid: true });
    await runSupplementLapse({ now: at(12 * HOUR), timeZone });
    for (const [application, now] of [
      [late, at(61 * HOUR)],
      [onTime, at(59 * HOUR)],
    ] as const)
      await handleLapsedSupplement({
        applicationId: application.id,
        expectedVersion: 1,
        viewer: supervisor,
        action: "CLOSE_NOT_PROVIDED",
        now,
      });
    expect(await refunds(late.id)).toEqual([{ cause: "MISSED_PROMISE", amountMinor: 5000 }]);
    expect(await refunds(onTime.id)).toEqual([]);
  });

  it("a withdrawal while a lapsed request is still open counts the wait only up to its due time", async () => {
    const application = await waitingCase(12, { paid: true, node: "SUBSTANTIVE_REVIEW" });
    // Review work was done before the material was asked for: the after-material-check rule applies.
    await db.timelineEvent.create({
      data: { applicationId: application.id, node: "SUBSTANTIVE_REVIEW", action: "ADVANCED", occurredAt: T0 },
    });
    await performTransition({
      applicationId: application.id,
      expectedVersion: 1,
      viewer: { id: world.applicant.id, role: "APPLICANT" },
      transition: "WITHDRAW",
      now: at(70 * HOUR),
    });
    expect(await refunds(application.id)).toEqual([{ cause: "MISSED_PROMISE", amountMinor: 5000 }]);
  });
});
