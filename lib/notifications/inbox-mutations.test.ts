import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { countUnread, listNotifications } from "./inbox-data";
import { markAllRead, markRead } from "./inbox-mutations";
import { INBOX_PAGE_SIZE } from "./inbox-schema";

withTestDatabase();

let serviceId = "";
const T0 = new Date("2026-11-21T08:00:00Z");

beforeAll(async () => {
  serviceId = await createTestService();
});

/** An applicant with a case and `count` in-app notices about it, one minute apart (oldest first). */
async function applicantWithNotices(count: number, locale = "en") {
  const applicant = await createTestUser("APPLICANT");
  const application = await createTestApplication({ applicantId: applicant.id, serviceId });
  await db.notification.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      recipientId: applicant.id,
      applicationId: application.id,
      channel: "IN_APP" as const,
      template: "case.advanced",
      locale,
      payload: { number: application.number, node: "MATERIAL_CHECK" },
      createdAt: new Date(T0.getTime() + index * 60_000),
    })),
  });
  return { applicant, application };
}

async function readState(recipientId: string) {
  return db.notification.findMany({
    where: { recipientId },
    orderBy: { id: "asc" },
    select: { id: true, readAt: true, status: true },
  });
}

describe("the unread count and the list", () => {
  it("count and list only the viewer's own IN_APP rows, whatever the worker did to their status", async () => {
    const { applicant, application } = await applicantWithNotices(3);
    await applicantWithNotices(2);
    // The email twin of a notice is not an in-app notification; a delivered (SENT) in-app row still is.
    await db.notification.create({
      data: {
        recipientId: applicant.id,
        applicationId: application.id,
        channel: "EMAIL",
        template: "case.approved",
        payload: { number: application.number },
        toAddress: "a@test.example",
      },
    });
    await db.notification.updateMany({
      where: { recipientId: applicant.id, channel: "IN_APP" },
      data: { status: "SENT", sentAt: T0 },
    });

    expect(await countUnread(applicant)).toBe(3);
    const { items, hasMore } = await listNotifications(applicant, { page: 1 });
    expect(hasMore).toBe(false);
    expect(items).toHaveLength(3);
    expect(items.map((item) => item.createdAt.getTime())).toEqual(
      [2, 1, 0].map((minutes) => T0.getTime() + minutes * 60_000),
    );
  });

  it("renders title and body in the asked language, names the case in its readable form and links by the viewer's role", async () => {
    const { applicant, application } = await applicantWithNotices(1, "zh");
    const display = `EX-${application.number.slice(2, 5)}-${application.number.slice(5, 8)}-${application.number.slice(8)}`;
    const [inRowLanguage] = (await listNotifications(applicant, { page: 1 })).items;
    expect(inRowLanguage).toMatchObject({
      title: `申请 ${display} 已进入下一环节`,
      body: "您的申请当前处于“材料审核”环节。",
      read: false,
    });
    const [inEnglish] = (await listNotifications(applicant, { page: 1, locale: "en" })).items;
    expect(inEnglish).toMatchObject({
      title: `Application ${display} has moved on`,
      link: `/portal/applications/${application.number}`,
    });

    const reviewer = await createTestUser("REVIEWER");
    await db.notification.create({
      data: {
        recipientId: reviewer.id,
        applicationId: application.id,
        channel: "IN_APP",
        template: "staff.assigned",
        locale: "en",
        payload: { number: application.number },
      },
    });
    expect((await listNotifications(reviewer, { page: 1 })).items[0]).toMatchObject({
      link: `/console/cases/${application.number}`,
    });
  });

  it("shows a row it cannot render without its texts instead of failing the page", async () => {
    const { applicant, application } = await applicantWithNotices(1);
    await db.notification.create({
      data: {
        recipientId: applicant.id,
        applicationId: application.id,
        channel: "IN_APP",
        template: "case.retired",
        payload: { number: application.number },
        createdAt: new Date(T0.getTime() + 3_600_000),
      },
    });
    const { items } = await listNotifications(applicant, { page: 1 });
    expect(items.map((item) => item.title === null)).toEqual([true, false]);
  });

  it("pages by 25, newest first, with nothing skipped or repeated", async () => {
    const { applicant } = await applicantWithNotices(INBOX_PAGE_SIZE + 3);
    const first = await listNotifications(applicant, { page: 1 });
    const second = await listNotifications(applicant, { page: 2 });
    expect([first.items.length, first.hasMore, second.items.length, second.hasMore]).toEqual([
      INBOX_PAGE_SIZE,
      true,
      3,
      false,
    ]);
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(INBOX_PAGE_SIZE + 3);
    expect(second.items.at(-1)!.createdAt).toEqual(T0);
    expect((await listNotifications(applicant, { page: 3 })).items).toEqual([]);
  });
});

describe("marking read", () => {
  it("marks one of the viewer's notifications read, keeps the first reading time, and says where it leads", async () => {
    const { applicant, application } = await applicantWithNotices(2);
    const [newest] = (await listNotifications(applicant, { page: 1 })).items;
    expect(await markRead(applicant, newest!.id, T0)).toEqual({
      link: `/portal/applications/${application.number}`,
    });
    expect(await markRead(applicant, newest!.id, new Date(T0.getTime() + 60_000))).toEqual({
      link: `/portal/applications/${application.number}`,
    });
    expect(await countUnread(applicant)).toBe(1);
    expect(
      (await db.notification.findUniqueOrThrow({ where: { id: newest!.id }, select: { readAt: true } }))
        .readAt,
    ).toEqual(T0);
    expect((await listNotifications(applicant, { page: 1 })).items.map((item) => item.read)).toEqual([
      true,
      false,
    ]);
  });

  it("answers someone else's notification exactly like an unknown or malformed id, and changes nothing", async () => {
    const { applicant: owner } = await applicantWithNotices(2);
    const intruders: Viewer[] = [
      await createTestUser("APPLICANT"),
      await createTestUser("SUPERVISOR"),
      await createTestUser("ADMIN"),
    ];
    const before = await readState(owner.id);
    for (const intruder of intruders) {
      for (const row of before) expect(await markRead(intruder, row.id)).toBeNull();
      expect(await markRead(intruder, randomUUID())).toBeNull();
      expect(await markRead(intruder, "not-a-uuid")).toBeNull();
      expect(await markAllRead(intruder)).toBe(0);
    }
    expect(await readState(owner.id)).toEqual(before);
    expect(await countUnread(owner)).toBe(2);
  });

  it("marks all of the viewer's unread notifications read and no one else's", async () => {
    const { applicant } = await applicantWithNotices(4);
    const { applicant: other } = await applicantWithNotices(2);
    const [newest] = (await listNotifications(applicant, { page: 1 })).items;
    await markRead(applicant, newest!.id, T0);
    expect(await markAllRead(applicant, new Date(T0.getTime() + 60_000))).toBe(3);
    expect(await countUnread(applicant)).toBe(0);
    expect(await countUnread(other)).toBe(2);
    expect(
      (await db.notification.findUniqueOrThrow({ where: { id: newest!.id }, select: { readAt: true } }))
        .readAt,
    ).toEqual(T0);
    expect(await markAllRead(applicant)).toBe(0);
  });
});
