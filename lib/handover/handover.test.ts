import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { ZONE, makeCase, makeService, makeShift, makeStaff, shanghai } from "@/lib/rota/rota.fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import {
  countPendingHandovers,
  findHandover,
  listHandovers,
  listOwnOpenCases,
  listPendingHandovers,
} from "./data";
import { acknowledgeHandover, submitHandover } from "./mutations";
import { CHECKLIST_ITEMS, type HandoverInput } from "./schema";

withTestDatabase();

const ALL_TICKED = [...CHECKLIST_ITEMS];

function submit(viewer: Viewer, input: Partial<HandoverInput>, now: Date) {
  return submitHandover(
    viewer,
    { note: "Shift note", incidents: "", checklist: ALL_TICKED, scope: "all", cases: [], ...input },
    { now, timeZone: ZONE },
  );
}

const caseState = (id: string) =>
  db.application.findUniqueOrThrow({
    where: { id },
    select: { assigneeId: true, version: true, unstaffedAt: true },
  });

/** A Monday day shift ending at 16:00 and the evening shift after it; each test uses its own weekday. */
async function twoShifts(weekday: number) {
  const service = await makeService();
  const author = await makeStaff("REVIEWER", { services: [service.id] });
  const loaded = await makeStaff("REVIEWER", { services: [service.id] });
  const free = await makeStaff("REVIEWER", { services: [service.id] });
  const elsewhere = await makeStaff("REVIEWER");
  const supervisor = await makeStaff("SUPERVISOR");
  const day = await makeShift(weekday, "08:00", "16:00", [author.id]);
  await makeShift(weekday, "16:00", "00:00", [loaded.id, free.id, elsewhere.id, supervisor.id]);
  await makeCase(service.id, { assigneeId: loaded.id });
  return { service, author, loaded, free, elsewhere, supervisor, day };
}

describe("submitHandover", () => {
  it("stores the handover, hands each case to the incoming shift's least-loaded reviewer, and tells the incoming shift", async () => {
    const { service, author, free, loaded, elsewhere, supervisor, day } = await twoShifts(1);
    const orphanService = await makeService();
    const handled = await makeCase(service.id, { assigneeId: author.id, node: "MATERIAL_CHECK" });
    const orphan = await makeCase(orphanService.id, { assigneeId: author.id });
    const now = shanghai("2026-11-23T15:30");

    const result = await submit(
      author,
      {
        incidents: "Printer down",
        cases: [
          { applicationId: handled.id, note: "Call the applicant at 9" },
          { applicationId: orphan.id, note: "Waiting for the embassy" },
        ],
      },
      now,
    );
    expect(result).toMatchObject({ reassigned: 1, unstaffed: 1, notified: 4 });

    expect(await caseState(handled.id)).toEqual({
      assigneeId: free.id,
      version: handled.version + 1,
      unstaffedAt: null,
    });
    expect(await caseState(orphan.id)).toEqual({
      assigneeId: author.id,
      version: orphan.version + 1,
      unstaffedAt: now,
    });
    const events = await db.timelineEvent.findMany({
      where: { applicationId: handled.id },
      select: {
        action: true,
        actorId: true,
        node: true,
        internalNote: true,
        noteKey: true,
        noteParams: true,
      },
    });
    expect(events).toEqual([
      {
        action: "ASSIGNED",
        actorId: author.id,
        node: "MATERIAL_CHECK",
        internalNote: null,
        noteKey: "handedOver",
        noteParams: { name: expect.any(String), note: expect.stringContaining("Call the applicant at 9") },
      },
    ]);

    const handover = await findHandover(author, result.handoverId);
    expect(handover).toMatchObject({
      author: { id: author.id },
      incidents: "Printer down",
      acknowledgedAt: null,
      caseCount: 2,
      shiftName: "08:00–16:00",
    });
    expect(handover!.checklist.every((entry) => entry.done)).toBe(true);
    expect(handover!.cases.map((item) => [item.id, item.note, item.assignee?.id])).toEqual(
      expect.arrayContaining([
        [handled.id, "Call the applicant at 9", free.id],
        [orphan.id, "Waiting for the embassy", author.id],
      ]),
    );
    expect(
      await db.handover.findUniqueOrThrow({ where: { id: result.handoverId }, select: { shiftId: true } }),
    ).toEqual({ shiftId: day.id });

    const notices = await db.notification.findMany({
      where: { applicationId: { in: [handled.id, orphan.id] } },
      select: { recipientId: true, template: true },
    });
    const handoverNotices = notices
      .filter((notice) => notice.template === "staff.handover")
      .map((notice) => notice.recipientId);
    expect(handoverNotices.sort()).toEqual([loaded.id, free.id, elsewhere.id, supervisor.id].sort());
    expect(notices).toContainEqual({ recipientId: free.id, template: "staff.assigned" });
    expect(notices).toContainEqual({ recipientId: supervisor.id, template: "staff.unstaffed" });
    const audit = await db.auditLog.findMany({
      where: { actorId: author.id },
      select: { action: true, entityId: true },
    });
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "handover.submitted", entityId: result.handoverId },
        { action: "handover.caseReassigned", entityId: handled.id },
        { action: "handover.caseUnstaffed", entityId: orphan.id },
      ]),
    );
  });

  it("refuses an unticked checklist, a missing shared note or a selected case no longer the author's, writing nothing", async () => {
    const { service, author, loaded } = await twoShifts(2);
    const held = await makeCase(service.id, { assigneeId: author.id });
    const elsewhere = await makeCase(service.id, { assigneeId: loaded.id });
    const now = shanghai("2026-11-24T15:00");
    const before = { handovers: await db.handover.count(), state: await caseState(held.id) };
    const selected = { scope: "selected" as const, cases: [{ applicationId: held.id }] };

    await expect(submit(author, { ...selected, checklist: ALL_TICKED.slice(1) }, now)).rejects.toMatchObject({
      fieldErrors: { checklist: ["rota.handover.errors.checklistIncomplete"] },
    });
    await expect(submit(author, { ...selected, note: "  " }, now)).rejects.toMatchObject({
      fieldErrors: { note: ["rota.handover.errors.noteRequired"] },
    });
    await expect(submit(author, { scope: "selected", cases: [] }, now)).rejects.toMatchObject({
      fieldErrors: { cases: ["rota.handover.errors.noneSelected"] },
    });
    // All or nothing: one selected case is someone else's, so the author's own case stays too.
    await expect(
      submit(
        author,
        { scope: "selected", cases: [{ applicationId: held.id }, { applicationId: elsewhere.id }] },
        now,
      ),
    ).rejects.toMatchObject({ messageKey: "rota.handover.errors.casesChanged" });
    expect({ handovers: await db.handover.count(), state: await caseState(held.id) }).toEqual(before);
  });

  it(
    "hands 168 cases over in one call with one note, spread least-loaded, own notes optional",
    { timeout: 180_000 },
    async () => {
      const service = await makeService();
      const author = await makeStaff("REVIEWER", { services: [service.id] });
      const first = await makeStaff("REVIEWER", { services: [service.id] });
      const second = await makeStaff("REVIEWER", { services: [service.id] });
      await makeShift(7, "08:00", "16:00", [author.id]);
      await makeShift(7, "16:00", "00:00", [first.id, second.id]);
      const cases = [];
      for (let index = 0; index < 168; index++)
        cases.push(await makeCase(service.id, { assigneeId: author.id }));
      const special = cases[5]!;

      const result = await submit(
        author,
        {
          note: "Everything is triaged; call-backs are in each case's notes.",
          cases: cases.map((item) => ({
            applicationId: item.id,
            note: item.id === special.id ? "VIP: call at 9" : "",
          })),
        },
        shanghai("2026-11-29T15:45"),
      );
      expect(result).toMatchObject({ reassigned: 168, unstaffed: 0 });
      const holders = await db.application.groupBy({
        by: ["assigneeId"],
        where: { id: { in: cases.map((item) => item.id) } },
        _count: { _all: true },
      });
      expect(Object.fromEntries(holders.map((row) => [row.assigneeId, row._count._all]))).toEqual({
        [first.id]: 84,
        [second.id]: 84,
      });
      const handover = await findHandover(author, result.handoverId);
      expect(handover).toMatchObject({
        caseCount: 168,
        note: "Everything is triaged; call-backs are in each case's notes.",
      });
      expect(handover!.cases.filter((item) => item.note !== "").map((item) => [item.id, item.note])).toEqual([
        [special.id, "VIP: call at 9"],
      ]);
      const timeline = await db.timelineEvent.findFirstOrThrow({
        where: { applicationId: special.id, action: "ASSIGNED" },
        select: { internalNote: true, noteKey: true, noteParams: true },
      });
      expect(timeline).toMatchObject({ internalNote: null, noteKey: "handedOver" });
      const { note } = timeline.noteParams as { note: string };
      expect(note).toContain("Everything is triaged");
      expect(note).toContain("VIP: call at 9");
    },
  );

  it("hands over only the selected cases; the rest stay with the author", async () => {
    const { service, author, free } = await twoShifts(2);
    const [kept, given] = [
      await makeCase(service.id, { assigneeId: author.id }),
      await makeCase(service.id, { assigneeId: author.id }),
    ];
    await submit(
      author,
      { scope: "selected", cases: [{ applicationId: given.id }] },
      shanghai("2026-11-24T15:10"),
    );
    expect((await caseState(given.id)).assigneeId).toBe(free.id);
    expect((await caseState(kept.id)).assigneeId).toBe(author.id);
  });

  it("hands over to whoever is on duty now when the author's shift is already over", async () => {
    const { service, author, free } = await twoShifts(3);
    const held = await makeCase(service.id, { assigneeId: author.id });
    const result = await submit(
      author,
      { cases: [{ applicationId: held.id, note: "late handover" }] },
      shanghai("2026-11-25T17:00"),
    );
    expect(await caseState(held.id)).toMatchObject({ assigneeId: free.id });
    expect(
      await db.handover.findUniqueOrThrow({ where: { id: result.handoverId }, select: { shiftId: true } }),
    ).toEqual({ shiftId: null });
  });
});

describe("acknowledgeHandover", () => {
  it("records who acknowledged and when, once, and never by the author", async () => {
    const { author, free, loaded } = await twoShifts(4);
    const { handoverId } = await submit(author, { incidents: "Quiet night" }, shanghai("2026-11-26T15:50"));
    expect(await countPendingHandovers(free)).toBeGreaterThanOrEqual(1);
    expect((await listPendingHandovers(free)).map((item) => item.id)).toContain(handoverId);

    await expect(acknowledgeHandover(author, handoverId)).rejects.toMatchObject({
      messageKey: "rota.handover.errors.ownHandover",
    });
    const at = shanghai("2026-11-26T16:05");
    await acknowledgeHandover(free, handoverId, { now: at });
    await expect(acknowledgeHandover(loaded, handoverId)).rejects.toMatchObject({
      messageKey: "rota.handover.errors.alreadyAcknowledged",
    });
    await expect(acknowledgeHandover(free, randomUUID())).rejects.toMatchObject({
      messageKey: "rota.handover.errors.notFound",
    });

    expect(await findHandover(loaded, handoverId)).toMatchObject({
      acknowledgedBy: { id: free.id },
      acknowledgedAt: at,
    });
    expect((await listPendingHandovers(free)).map((item) => item.id)).not.toContain(handoverId);
    expect(
      await db.auditLog.findMany({
        where: { entityId: handoverId, action: "handover.acknowledged" },
        select: { actorId: true },
      }),
    ).toEqual([{ actorId: free.id }]);
  });
});

describe("handover access and history", () => {
  it.each<Role>(["APPLICANT", "ADMIN"])("refuses a %s every handover write", async (role) => {
    const viewer = await makeStaff(role);
    const { author } = await twoShifts(5);
    const { handoverId } = await submit(author, {}, shanghai("2026-11-27T15:00"));
    await expect(submit(viewer, {}, shanghai("2026-11-27T15:00"))).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(acknowledgeHandover(viewer, handoverId)).rejects.toBeInstanceOf(NotAuthorizedError);
    expect(
      await db.handover.findUniqueOrThrow({ where: { id: handoverId }, select: { acknowledgedAt: true } }),
    ).toEqual({ acknowledgedAt: null });
  });

  it("keeps applicants out of every handover read", async () => {
    const applicant = await makeStaff("APPLICANT");
    for (const call of [
      () => listOwnOpenCases(applicant),
      () => listPendingHandovers(applicant),
      () => listHandovers(applicant, 1),
      () => findHandover(applicant, randomUUID()),
      () => countPendingHandovers(applicant),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(NotAuthorizedError);
    }
  });

  it("pages the history newest first", async () => {
    const { author } = await twoShifts(6);
    for (let minute = 10; minute < 35; minute++)
      await submit(author, {}, shanghai(`2026-11-28T15:${minute}`));
    const first = await listHandovers(author, 1);
    expect(first.items).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(first.items[0]!.createdAt.getTime()).toBeGreaterThan(first.items[1]!.createdAt.getTime());
    expect((await listHandovers(author, 2)).items.length).toBeGreaterThanOrEqual(5);
    expect(await countPendingHandovers(author)).toBe(
      await db.handover.count({ where: { acknowledgedAt: null, authorId: { not: author.id } } }),
    );
  });
});
