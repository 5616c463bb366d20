import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { findStaffCase } from "@/lib/console/case-data";
import { performTransition } from "@/lib/workflow/mutations";
import { renderSystemNote } from "@/lib/workflow/system-notes.fixtures";
import { assignOnDuty, type AssignOnDutyArgs } from "./auto-assign-mutations";
import { ZONE, makeCase, makeService, makeShift, makeStaff, shanghai } from "./rota.fixtures";

withTestDatabase();

// Monday 23 November 2026 in Shanghai.
const MONDAY_10 = shanghai("2026-11-23T10:00");

const assign = (args: Omit<AssignOnDutyArgs, "timeZone">) =>
  db.$transaction((tx) => assignOnDuty(tx, { ...args, timeZone: ZONE }));

async function traces(applicationId: string) {
  const [row, events, audit, notices] = await Promise.all([
    db.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: { assigneeId: true, unstaffedAt: true, version: true },
    }),
    db.timelineEvent.findMany({
      where: { applicationId, action: "ASSIGNED" },
      select: { actorId: true, internalNote: true, noteKey: true, noteParams: true, occurredAt: true },
    }),
    db.auditLog.findMany({
      where: { entityId: applicationId },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, details: true },
    }),
    db.notification.findMany({
      where: { applicationId },
      select: { recipientId: true, channel: true, template: true, payload: true },
    }),
  ]);
  return { row, events, audit, notices };
}

describe("assignOnDuty", () => {
  it("gives a new case to the least-loaded on-duty reviewer who handles the service, with its traces", async () => {
    const service = await makeService();
    const other = await makeService();
    const busy = await makeStaff("REVIEWER", { services: [service.id] });
    const calm = await makeStaff("REVIEWER", { services: [service.id] });
    const notHandling = await makeStaff("REVIEWER", { services: [other.id] });
    const offDuty = await makeStaff("REVIEWER", { services: [service.id] });
    const inactive = await makeStaff("REVIEWER", { services: [service.id], active: false });
    await makeShift(1, "08:00", "16:00", [busy.id, calm.id, notHandling.id, inactive.id]);
    await makeShift(1, "16:00", "00:00", [offDuty.id]);
    await makeCase(service.id, { assigneeId: busy.id });
    await makeCase(service.id, { assigneeId: busy.id });
    await makeCase(other.id, { assigneeId: calm.id });
    const application = await makeCase(service.id);

    expect(
      await assign({ applicationId: application.id, serviceId: service.id, reason: "new", now: MONDAY_10 }),
    ).toEqual({ assigneeId: calm.id });
    const { row, events, audit, notices } = await traces(application.id);
    // Inside the caller's transaction: one version step for the whole change.
    expect(row).toEqual({ assigneeId: calm.id, unstaffedAt: null, version: application.version });
    expect(events).toEqual([
      {
        actorId: null,
        // A key and its parameters, not text: each reader sees it in their language.
        internalNote: null,
        noteKey: "autoAssigned",
        noteParams: { name: calm.displayName },
        occurredAt: MONDAY_10,
      },
    ]);
    expect(audit).toEqual([
      {
        action: "rota.autoAssigned",
        actorId: null,
        details: expect.objectContaining({
          number: application.number,
          assigneeId: calm.id,
          previousAssigneeId: null,
          reason: "new",
          openCases: 1,
        }),
      },
    ]);
    expect(notices).toEqual([
      {
        recipientId: calm.id,
        channel: "IN_APP",
        template: "staff.assigned",
        payload: { number: application.number },
      },
    ]);
  });

  it("finds the night shift after midnight, on the next day", async () => {
    const service = await makeService();
    const night = await makeStaff("REVIEWER", { services: [service.id] });
    await makeShift(1, "22:00", "06:00", [night.id]);
    const application = await makeCase(service.id);
    // Tuesday 03:00 is still Monday's night shift.
    expect(
      await assign({
        applicationId: application.id,
        serviceId: service.id,
        reason: "new",
        now: shanghai("2026-11-24T03:00"),
      }),
    ).toEqual({ assigneeId: night.id });
    const later = await makeCase(service.id);
    expect(
      await assign({
        applicationId: later.id,
        serviceId: service.id,
        reason: "new",
        now: shanghai("2026-11-24T06:00"),
      }),
    ).toEqual({ assigneeId: null });
  });

  it("flags a case nobody on duty can take and tells every active supervisor", async () => {
    const service = await makeService();
    const [first, second] = [await makeStaff("SUPERVISOR", { locale: "zh" }), await makeStaff("SUPERVISOR")];
    const retired = await makeStaff("SUPERVISOR", { active: false });
    // On duty, but for another service only: nobody for this one.
    await makeShift(1, "08:00", "16:00", [
      (await makeStaff("REVIEWER", { services: [(await makeService()).id] })).id,
      first.id,
    ]);
    const application = await makeCase(service.id);

    expect(
      await assign({ applicationId: application.id, serviceId: service.id, reason: "new", now: MONDAY_10 }),
    ).toEqual({ assigneeId: null });
    const { row, events, audit, notices } = await traces(application.id);
    expect(row).toEqual({ assigneeId: null, unstaffedAt: MONDAY_10, version: application.version });
    expect(events).toEqual([]);
    expect(audit).toEqual([
      {
        action: "rota.unstaffed",
        actorId: null,
        details: expect.objectContaining({ number: application.number, reason: "new" }),
      },
    ]);
    const recipients = notices.map((notice) => notice.recipientId);
    expect(recipients).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(recipients).not.toContain(retired.id);
    expect(new Set(notices.map((notice) => `${notice.channel} ${notice.template}`))).toEqual(
      new Set(["IN_APP staff.unstaffed"]),
    );
  });

  it("keeps a returned case with its assignee while they are on duty, and clears an old flag", async () => {
    const service = await makeService();
    const holder = await makeStaff("REVIEWER", { services: [service.id] });
    const idle = await makeStaff("REVIEWER", { services: [service.id] });
    await makeShift(1, "08:00", "16:00", [holder.id, idle.id]);
    const application = await makeCase(service.id, { assigneeId: holder.id, node: "MATERIAL_CHECK" });
    await makeCase(service.id, { assigneeId: holder.id });
    await db.application.update({
      where: { id: application.id },
      data: { unstaffedAt: shanghai("2026-11-23T02:00") },
    });

    expect(
      await assign({
        applicationId: application.id,
        serviceId: service.id,
        reason: "returned",
        now: MONDAY_10,
      }),
    ).toEqual({ assigneeId: holder.id });
    const { row, events, notices } = await traces(application.id);
    expect(row).toMatchObject({ assigneeId: holder.id, unstaffedAt: null });
    expect(events).toEqual([]);
    expect(notices).toEqual([]);
  });

  it("moves a returned case from an off-duty assignee to someone on duty, through the real transition", async () => {
    const service = await makeService();
    const applicant = await createTestUser("APPLICANT");
    const away = await makeStaff("REVIEWER", { services: [service.id] });
    const present = await makeStaff("REVIEWER", { services: [service.id] });
    await makeShift(1, "08:00", "16:00", [present.id]);
    const application = await makeCase(service.id, {
      assigneeId: away.id,
      node: "AWAITING_SUPPLEMENT",
      applicantId: applicant.id,
    });
    await db.application.update({ where: { id: application.id }, data: { status: "AWAITING_APPLICANT" } });
    await db.supplementRequest.create({
      data: {
        applicationId: application.id,
        requestedById: away.id,
        dueAt: shanghai("2026-11-25T10:00"),
        createdAt: shanghai("2026-11-23T08:00"),
      },
    });

    // The rota's zone comes from ROTA_TIME_ZONE here (Asia/Shanghai unless set).
    const outcome = await performTransition({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: applicant,
      transition: "PROVIDE_SUPPLEMENT",
      input: { publicNote: "Here it is" },
      now: MONDAY_10,
    });
    const { row, events } = await traces(application.id);
    expect(outcome.version).toBe(1);
    expect(row).toEqual({ assigneeId: present.id, unstaffedAt: null, version: 1 });
    expect(events).toEqual([
      expect.objectContaining({
        actorId: null,
        noteKey: "autoAssigned",
        noteParams: { name: present.displayName },
      }),
    ]);
  });

  it("leaves a returned case with its assignee when nobody on duty can take it, flagged", async () => {
    const service = await makeService();
    const away = await makeStaff("REVIEWER", { services: [service.id] });
    const application = await makeCase(service.id, { assigneeId: away.id, node: "MATERIAL_CHECK" });
    expect(
      await assign({
        applicationId: application.id,
        serviceId: service.id,
        reason: "returned",
        now: MONDAY_10,
      }),
    ).toEqual({ assigneeId: away.id });
    expect((await traces(application.id)).row).toMatchObject({ assigneeId: away.id, unstaffedAt: MONDAY_10 });
  });

  it("does nothing to a closed case", async () => {
    const service = await makeService();
    const application = await makeCase(service.id);
    await db.application.update({
      where: { id: application.id },
      data: { closedAt: MONDAY_10, status: "WITHDRAWN" },
    });
    expect(
      await assign({
        applicationId: application.id,
        serviceId: service.id,
        reason: "returned",
        now: MONDAY_10,
      }),
    ).toBeNull();
    expect((await traces(application.id)).audit).toEqual([]);
  });

  it("writes a note the console history shows in the reader's language only", async () => {
    const service = await makeService();
    const reviewer = await makeStaff("REVIEWER", { services: [service.id] });
    await db.user.update({ where: { id: reviewer.id }, data: { displayName: "王芳" } });
    const supervisor = await makeStaff("SUPERVISOR");
    await makeShift(1, "08:00", "16:00", [reviewer.id]);
    const application = await makeCase(service.id);
    await assign({ applicationId: application.id, serviceId: service.id, reason: "new", now: MONDAY_10 });

    const view = await findStaffCase(supervisor, application.number);
    const assigned = view!.events.find((event) => event.action === "ASSIGNED")!;
    expect(assigned.internalNote).toBeNull();
    const zh = await renderSystemNote(assigned.systemNote!, "zh");
    const en = await renderSystemNote(assigned.systemNote!, "en");
    expect(zh).toContain("王芳");
    expect(zh).not.toMatch(/[A-Za-z]/);
    expect(en).toContain("王芳");
    expect(en.replace("王芳", "")).not.toMatch(/\p{Script=Han}/u);
  });
});
