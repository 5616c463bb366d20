import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotAuthorizedError, UserFacingError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { findOnDutyNow, findShift, listShiftCandidates, listShifts } from "./data";
import { createShift, createStandardShifts, deleteShift, setShiftMembers, updateShift } from "./mutations";
import { shiftInputSchema } from "./schema";
import { makeService, makeShift, makeStaff, shanghai } from "./rota.fixtures";

withTestDatabase();

const NAMES = { day: "Day", evening: "Evening", night: "Night" };
const input = (raw: Record<string, string>) =>
  shiftInputSchema.parse({ name: "Early", weekday: "2", start: "06:00", end: "14:00", ...raw });
const auditFor = (entityId: string) =>
  db.auditLog.findMany({
    where: { entityType: "shift", entityId },
    orderBy: { id: "asc" },
    select: { actorId: true, action: true, details: true },
  });

describe("rota access", () => {
  it.each<Role>(["REVIEWER", "APPLICANT"])(
    "refuses a %s every rota write, and changes nothing",
    async (role) => {
      const viewer = await makeStaff(role);
      const shift = await makeShift(3, "08:00", "16:00", []);
      const calls = [
        () => createShift(viewer, input({})),
        () => updateShift(viewer, shift.id, input({})),
        () => deleteShift(viewer, shift.id),
        () => setShiftMembers(viewer, { shiftId: shift.id, userIds: [viewer.id] }),
        () => createStandardShifts(viewer, NAMES),
        () => findShift(viewer, shift.id),
        () => listShiftCandidates(viewer),
      ];
      for (const call of calls) await expect(call()).rejects.toBeInstanceOf(NotAuthorizedError);
      expect(
        await db.shift.findUniqueOrThrow({
          where: { id: shift.id },
          select: { weekday: true, members: true },
        }),
      ).toEqual({ weekday: 3, members: [] });
    },
  );

  it("keeps applicants out of the rota entirely", async () => {
    const applicant = await makeStaff("APPLICANT");
    await expect(listShifts(applicant)).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(findOnDutyNow(applicant)).rejects.toBeInstanceOf(NotAuthorizedError);
  });

  it("shows a reviewer only the shifts they are on, and an editor all of them", async () => {
    const [reviewer, supervisor] = [await makeStaff("REVIEWER"), await makeStaff("SUPERVISOR")];
    const mine = await makeShift(4, "08:00", "16:00", [reviewer.id]);
    const notMine = await makeShift(4, "16:00", "00:00", []);
    expect((await listShifts(reviewer)).map((shift) => shift.id)).toEqual([mine.id]);
    expect((await listShifts(supervisor)).map((shift) => shift.id)).toEqual(
      expect.arrayContaining([mine.id, notMine.id]),
    );
  });
});

describe("rota changes", () => {
  it("creates, edits and deletes a shift, auditing each step", async () => {
    const admin = await makeStaff("ADMIN");
    const { id } = await createShift(
      admin,
      input({ name: "Late", weekday: "5", start: "22:00", end: "06:00" }),
    );
    expect(
      await db.shift.findUniqueOrThrow({
        where: { id },
        select: { name: true, weekday: true, startMinute: true, endMinute: true },
      }),
    ).toEqual({
      name: "Late",
      weekday: 5,
      startMinute: 22 * 60,
      endMinute: 6 * 60,
    });
    await updateShift(admin, id, input({ name: "Later", weekday: "5", start: "23:00", end: "07:00" }));
    await deleteShift(admin, id);
    expect(await db.shift.count({ where: { id } })).toBe(0);
    expect(await auditFor(id)).toEqual([
      {
        actorId: admin.id,
        action: "rota.shiftCreated",
        details: { name: "Late", weekday: 5, start: "22:00", end: "06:00" },
      },
      {
        actorId: admin.id,
        action: "rota.shiftUpdated",
        details: {
          from: { name: "Late", weekday: 5, start: "22:00", end: "06:00" },
          to: { name: "Later", weekday: 5, start: "23:00", end: "07:00" },
        },
      },
      {
        actorId: admin.id,
        action: "rota.shiftDeleted",
        details: { name: "Later", weekday: 5, start: "23:00", end: "07:00", members: 0 },
      },
    ]);
    await expect(updateShift(admin, id, input({}))).rejects.toMatchObject({
      messageKey: "rota.errors.shiftNotFound",
    });
    await expect(deleteShift(admin, randomUUID())).rejects.toBeInstanceOf(UserFacingError);
  });

  it("puts active reviewers and supervisors on a shift, never anyone else", async () => {
    const supervisor = await makeStaff("SUPERVISOR");
    const [reviewer, colleague] = [await makeStaff("REVIEWER"), await makeStaff("SUPERVISOR")];
    const shift = await makeShift(6, "08:00", "16:00", [colleague.id]);
    for (const outsider of [
      await makeStaff("APPLICANT"),
      await makeStaff("ADMIN"),
      await makeStaff("REVIEWER", { active: false }),
    ]) {
      await expect(
        setShiftMembers(supervisor, { shiftId: shift.id, userIds: [reviewer.id, outsider.id] }),
      ).rejects.toMatchObject({ fieldErrors: { userIds: ["rota.errors.memberInvalid"] } });
    }
    expect(await setShiftMembers(supervisor, { shiftId: shift.id, userIds: [reviewer.id] })).toEqual({
      added: 1,
      removed: 1,
    });
    expect(await setShiftMembers(supervisor, { shiftId: shift.id, userIds: [reviewer.id] })).toEqual({
      added: 0,
      removed: 0,
    });
    expect(
      (await db.shiftMember.findMany({ where: { shiftId: shift.id } })).map((member) => member.userId),
    ).toEqual([reviewer.id]);
    expect(await auditFor(shift.id)).toEqual([
      {
        actorId: supervisor.id,
        action: "rota.membersChanged",
        details: expect.objectContaining({ added: [reviewer.id], removed: [colleague.id] }),
      },
    ]);
  });

  it("creates the standard three shifts on every weekday once", async () => {
    const supervisor = await makeStaff("SUPERVISOR");
    await db.shift.deleteMany({});
    await makeShift(1, "08:00", "16:00", []);
    expect(await createStandardShifts(supervisor, NAMES)).toEqual({ created: 20 });
    expect(await createStandardShifts(supervisor, NAMES)).toEqual({ created: 0 });
    const shifts = await db.shift.findMany({
      where: { weekday: 7 },
      orderBy: { startMinute: "asc" },
      select: { name: true, startMinute: true, endMinute: true },
    });
    expect(shifts).toEqual([
      { name: "Night", startMinute: 0, endMinute: 480 },
      { name: "Day", startMinute: 480, endMinute: 960 },
      { name: "Evening", startMinute: 960, endMinute: 0 },
    ]);
  });
});

describe("who is on duty", () => {
  it("lists the reviewers and supervisors on duty now, least-loaded first, with their services for the editor", async () => {
    const service = await makeService();
    const [reviewer, supervisor] = [
      await makeStaff("REVIEWER", { services: [service.id] }),
      await makeStaff("SUPERVISOR"),
    ];
    await makeShift(2, "09:00", "10:00", [reviewer.id, supervisor.id]);
    const onDuty = await findOnDutyNow(reviewer, shanghai("2026-11-24T09:30"));
    expect(onDuty.reviewers.map((person) => person.id)).toContain(reviewer.id);
    expect(onDuty.supervisors.map((person) => person.id)).toContain(supervisor.id);
    const offDuty = await findOnDutyNow(reviewer, shanghai("2026-11-24T10:00"));
    expect(offDuty.reviewers.map((person) => person.id)).not.toContain(reviewer.id);
    const candidates = await listShiftCandidates(supervisor);
    expect(candidates.find((person) => person.id === reviewer.id)?.handledServices).toEqual([
      { service: expect.objectContaining({ id: service.id }) },
    ]);
  });
});
