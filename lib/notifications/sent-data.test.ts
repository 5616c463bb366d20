import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { NotificationChannel, NotificationStatus } from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { listSentMessages, SENT_PAGE_SIZE } from "./sent-data";

// Issue 16 item 6: the applicant's case history lists the messages sent to them (decision 035).
withTestDatabase();

const T0 = new Date("2026-11-23T02:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function applicantWithCase() {
  const applicant = await createTestUser("APPLICANT");
  const application = await createTestApplication({
    applicantId: applicant.id,
    serviceId: await createTestService(),
  });
  return { applicant, application };
}

type Row = {
  recipientId: string;
  applicationId: string;
  template?: string;
  channel?: NotificationChannel;
  status?: NotificationStatus;
  minute: number;
};

async function message({ recipientId, applicationId, template, channel, status = "SENT", minute }: Row) {
  const sent = status === "SENT";
  return db.notification.create({
    data: {
      recipientId,
      applicationId,
      template: template ?? "case.advanced",
      channel: channel ?? "EMAIL",
      status,
      payload: { number: "X", secret: "never shown" },
      createdAt: at(minute),
      sentAt: sent ? at(minute + 1) : null,
    },
    select: { id: true },
  });
}

describe("listSentMessages", () => {
  it("lists the messages sent to the viewer about their case: channel, time and fate, newest first", async () => {
    const { applicant, application } = await applicantWithCase();
    const mine = { recipientId: applicant.id, applicationId: application.id };
    const sent = await message({ ...mine, template: "application.received", channel: "EMAIL", minute: 0 });
    const failed = await message({ ...mine, channel: "SMS", status: "FAILED", minute: 5 });
    const pending = await message({ ...mine, channel: "IN_APP", status: "PENDING", minute: 10 });
    // Never sent: a newer message took its place (decision 027).
    await message({ ...mine, status: "SUPERSEDED", minute: 3 });

    const list = await listSentMessages(applicant, application.number);
    expect(list.items).toEqual([
      { id: pending.id, template: "case.advanced", channel: "IN_APP", delivery: "sending", at: at(10) },
      { id: failed.id, template: "case.advanced", channel: "SMS", delivery: "failed", at: at(5) },
      { id: sent.id, template: "application.received", channel: "EMAIL", delivery: "sent", at: at(1) },
    ]);
    expect(list.total).toBe(3);
    // The content is never read, so it can never be shown.
    expect(JSON.stringify(list)).not.toContain("never shown");
  });

  it("never lists staff notices about the case, nor another applicant's messages", async () => {
    const { applicant, application } = await applicantWithCase();
    const reviewer = await createTestUser("REVIEWER");
    const other = await applicantWithCase();
    await message({ recipientId: applicant.id, applicationId: application.id, minute: 0 });
    // Staff notices about the same case: to the reviewer, and a staff template even if misaddressed.
    await message({
      recipientId: reviewer.id,
      applicationId: application.id,
      template: "staff.assigned",
      channel: "IN_APP",
      minute: 1,
    });
    await message({
      recipientId: applicant.id,
      applicationId: application.id,
      template: "sla.overdue",
      minute: 2,
    });
    // The other applicant's case, and a copy of this case's message to someone else.
    await message({ recipientId: other.applicant.id, applicationId: other.application.id, minute: 3 });
    await message({ recipientId: other.applicant.id, applicationId: application.id, minute: 4 });

    expect((await listSentMessages(applicant, application.number)).items).toHaveLength(1);
    // Another applicant's number reads as an empty list, whoever asks.
    expect(await listSentMessages(applicant, other.application.number)).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await listSentMessages(other.applicant, application.number)).items).toEqual([]);
    expect((await listSentMessages(other.applicant, other.application.number)).items).toHaveLength(1);
    // Staff have no portal history of their own.
    await expect(listSentMessages(reviewer, application.number)).rejects.toThrow();
  });

  it("pages through a long list without overlap", async () => {
    const { applicant, application } = await applicantWithCase();
    for (let minute = 0; minute < SENT_PAGE_SIZE + 2; minute++)
      await message({ recipientId: applicant.id, applicationId: application.id, minute: minute * 2 });
    const first = await listSentMessages(applicant, application.number, 1);
    const second = await listSentMessages(applicant, application.number, 2);
    expect(first).toMatchObject({ total: SENT_PAGE_SIZE + 2, pageCount: 2, page: 1 });
    expect(first.items).toHaveLength(SENT_PAGE_SIZE);
    expect(second.items).toHaveLength(2);
    expect(second.items.at(-1)!.at).toEqual(at(1));
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(SENT_PAGE_SIZE + 2);
  });
});
