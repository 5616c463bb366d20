import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import { db } from "@/lib/db";
import { NotAuthorizedError, UserFacingError } from "@/lib/errors";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { performTransition } from "@/lib/workflow/mutations";
import { seedDemoData } from "@/prisma/seed";
import { deliveryMode, listDevMail, listFailedNotifications } from "./data";
import { providersFromEnv } from "./delivery";
import { NOT_FAILED, retryFailedNotification } from "./mutations";
import { MAILBOX_PAGE_SIZE } from "./schema";
import { runOutboxOnce } from "./worker";

// Development mode: no SMTP server configured (lib/env.ts reads the environment once, on first use).
delete process.env.SMTP_URL;
withTestDatabase();

const quiet = () => {};
let supervisor: Viewer;
let reviewer: Viewer;
let applicant: Viewer;

beforeAll(async () => {
  await seedDemoData(db, { idHashKey: "k".repeat(32) });
  [supervisor, reviewer, applicant] = [
    await createTestUser("SUPERVISOR"),
    await createTestUser("REVIEWER"),
    await createTestUser("APPLICANT", { locale: "en" }),
  ];
});
beforeEach(async () => {
  await db.notification.deleteMany();
  await db.devMail.deleteMany();
});

describe("the dev mailbox (no SMTP_URL)", () => {
  it("keeps each email and text message once, even when a delivery is repeated", async () => {
    expect(deliveryMode(reviewer)).toBe("dev");
    const service = await db.serviceType.findUniqueOrThrow({
      where: { code: "passport-renewal" },
      select: { id: true },
    });
    const email = `${randomUUID()}@applicant.example`;
    const application = await createTestApplication({
      applicantId: applicant.id,
      serviceId: service.id,
      locale: "en",
      email,
      status: "IN_PROGRESS",
    });
    await performTransition({
      applicationId: application.id,
      expectedVersion: application.version,
      viewer: supervisor,
      transition: "ADVANCE",
    });
    const sms = await db.notification.create({
      data: {
        channel: "SMS",
        template: "case.supplementRequested",
        locale: "zh",
        payload: { number: application.number },
        toAddress: "+86 138 0000 0000",
      },
    });

    const providers = providersFromEnv();
    expect(await runOutboxOnce({ providers, log: quiet })).toMatchObject({ claimed: 2, sent: 2 });
    // As if the worker had crashed after writing but before marking: the row is delivered again.
    await db.notification.updateMany({
      where: { channel: { not: "IN_APP" } },
      data: { status: "PENDING", nextAttemptAt: new Date() },
    });
    expect(await runOutboxOnce({ providers, log: quiet })).toMatchObject({ claimed: 2, sent: 2 });

    const mails = await db.devMail.findMany({ orderBy: { channel: "asc" } });
    expect(mails).toHaveLength(2);
    const [mail, text] = mails;
    expect(mail).toMatchObject({
      channel: "EMAIL",
      toAddress: email,
      subject: `Application ${formatApplicationNumber(application.number)} has moved on`,
    });
    expect(mail!.html).toContain(application.number);
    expect(text).toMatchObject({
      channel: "SMS",
      notificationId: sms.id,
      toAddress: "+86 138 0000 0000",
      subject: null,
      html: null,
    });
    expect(text!.text).toContain(
      `【加急通】申请 ${formatApplicationNumber(application.number)} 需要您补正材料`,
    );
  });

  it("lists newest first, 25 a page, to staff only", async () => {
    const base = Date.now();
    await db.devMail.createMany({
      data: Array.from({ length: MAILBOX_PAGE_SIZE + 1 }, (_, index) => ({
        channel: "EMAIL" as const,
        toAddress: `m${index}@test.example`,
        subject: `Mail ${index}`,
        text: "Hello",
        createdAt: new Date(base + index * 1000),
      })),
    });
    const first = await listDevMail(reviewer, 1);
    expect(first.items).toHaveLength(MAILBOX_PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    expect(first.items[0]!.subject).toBe(`Mail ${MAILBOX_PAGE_SIZE}`);
    const second = await listDevMail(reviewer, 2);
    expect(second).toMatchObject({ hasMore: false, items: [{ subject: "Mail 0" }] });
    await expect(listDevMail(applicant, 1)).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(listFailedNotifications(applicant, 1)).rejects.toBeInstanceOf(NotAuthorizedError);
  });
});

describe("retrying a failed message", () => {
  async function failed() {
    return db.notification.create({
      data: {
        channel: "EMAIL",
        template: "case.approved",
        payload: { number: "N-1" },
        toAddress: "x@test.example",
        status: "FAILED",
        attempts: 8,
        lastError: "550 gone",
      },
    });
  }

  it("puts it back in the queue with its attempts, audited, for supervisors", async () => {
    const row = await failed();
    expect((await listFailedNotifications(reviewer, 1)).items.map((item) => item.id)).toEqual([row.id]);
    const now = new Date();
    await retryFailedNotification(supervisor, row.id, now);
    expect(
      await db.notification.findUniqueOrThrow({
        where: { id: row.id },
        select: { status: true, attempts: true, nextAttemptAt: true },
      }),
    ).toEqual({
      status: "PENDING",
      attempts: 8,
      nextAttemptAt: now,
    });
    expect(
      await db.auditLog.findFirst({
        where: { entityId: row.id },
        select: { actorId: true, action: true, details: true },
      }),
    ).toEqual({
      actorId: supervisor.id,
      action: "notification.retried",
      details: {
        template: "case.approved",
        channel: "EMAIL",
        attempts: 8,
        applicationId: null,
        uncertainProviders: [],
      },
    });
    expect((await listFailedNotifications(reviewer, 1)).items).toEqual([]);
  });

  it("refuses reviewers, and a message that is not failed (any more)", async () => {
    const row = await failed();
    await expect(retryFailedNotification(reviewer, row.id)).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(retryFailedNotification(applicant, row.id)).rejects.toBeInstanceOf(NotAuthorizedError);
    await retryFailedNotification(supervisor, row.id);
    await expect(retryFailedNotification(supervisor, row.id)).rejects.toThrow(
      new UserFacingError(NOT_FAILED),
    );
    await expect(retryFailedNotification(supervisor, "not-a-uuid")).rejects.toThrow(
      new UserFacingError(NOT_FAILED),
    );
    expect(await db.auditLog.count({ where: { entityId: row.id } })).toBe(1);
  });
});
