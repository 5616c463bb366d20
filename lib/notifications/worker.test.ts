import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import { db } from "@/lib/db";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { performTransition } from "@/lib/workflow/mutations";
import { seedDemoData } from "@/prisma/seed";
import { devMailboxSmsProvider } from "./dev-mailbox";
import type { Providers } from "./providers";
import { MAX_ATTEMPTS } from "./retry-policy";
import { createSmtpEmailProvider } from "./smtp-provider";
import { closedPort, startSmtpSink, type SmtpSink } from "@/lib/testing/smtp-sink";
import { runOutboxOnce, type WorkerLog } from "./worker";

withTestDatabase();

const FROM = "Expedite <no-reply@expedite.test>";
const SETTINGS = { appUrl: "http://localhost:3000", from: FROM };
const MASKED_ID = "1101**********1234";
const FULL_ID = "110105199003071234";
const INTERNAL_NOTE = "INTERNAL-ONLY: applicant sounded nervous";
const quiet: WorkerLog = () => {};
const later = (base: Date, ms: number) => new Date(base.getTime() + ms);

let sinks: SmtpSink[] = [];
let closers: (() => void)[] = [];

beforeAll(async () => {
  await seedDemoData(db, { idHashKey: "k".repeat(32) });
});
beforeEach(async () => {
  // Each test starts with an empty outbox: the worker takes whatever is due, not just this test's rows.
  await db.notification.deleteMany();
  await db.devMail.deleteMany();
});
afterEach(async () => {
  closers.forEach((close) => close());
  await Promise.all(sinks.map((sink) => sink.close()));
  sinks = [];
  closers = [];
});

async function sink(options: Parameters<typeof startSmtpSink>[0] = {}) {
  const started = await startSmtpSink(options);
  sinks.push(started);
  return started;
}

function smtp(url: string): Providers {
  const email = createSmtpEmailProvider({ url, from: FROM });
  closers.push(() => email.close?.());
  return { email, sms: devMailboxSmsProvider };
}

function run(providers: Providers, options: { now?: Date; batchSize?: number } = {}) {
  return runOutboxOnce({ providers, settings: SETTINGS, log: quiet, ...options });
}

/** A case in SUBMITTED for an applicant writing in `locale`, moved on by a supervisor with an internal note. */
async function advancedCase(locale: "en" | "zh") {
  const [applicant, supervisor] = [
    await createTestUser("APPLICANT", { locale }),
    await createTestUser("SUPERVISOR"),
  ];
  const service = await db.serviceType.findUniqueOrThrow({
    where: { code: "passport-renewal" },
    select: { id: true },
  });
  const email = `${randomUUID()}@applicant.example`;
  const application = await createTestApplication({
    applicantId: applicant.id,
    serviceId: service.id,
    locale,
    email,
    idNumberMasked: MASKED_ID,
    status: "IN_PROGRESS",
    paymentStatus: "PAID",
  });
  const outcome = await performTransition({
    applicationId: application.id,
    expectedVersion: application.version,
    viewer: supervisor,
    transition: "ADVANCE",
    input: { publicNote: "Documents received.", internalNote: INTERNAL_NOTE },
  });
  const row = await db.notification.findFirstOrThrow({
    where: { applicationId: application.id, channel: "EMAIL" },
    select: { id: true },
  });
  return { application, outcome, email, notificationId: row.id };
}

describe("the outbox worker over SMTP", () => {
  it.each([
    ["en", "has moved on", "Material check"],
    ["zh", "已进入下一环节", "材料审核"],
  ] as const)(
    "delivers one %s email per status change, with the number and nothing private",
    async (locale, subject, node) => {
      const server = await sink();
      const { application, email, notificationId } = await advancedCase(locale);
      const summary = await run(smtp(server.url));
      expect(summary).toMatchObject({ claimed: 1, sent: 1, retrying: 0, failed: 0 });

      expect(server.messages).toHaveLength(1);
      const [mail] = server.messages;
      expect(mail!.to).toEqual([email]);
      expect(mail!.messageId).toBe(`<${notificationId}@expedite.test>`);
      expect(mail!.subject).toContain(subject);
      // The number as the pages write it (issue 15); the canonical form only inside the link.
      for (const part of [mail!.subject, mail!.text, mail!.html])
        expect(part).toContain(formatApplicationNumber(application.number));
      expect(mail!.text).toContain(node);
      expect(mail!.text).toContain(`http://localhost:3000/portal/applications/${application.number}`);
      for (const part of [mail!.raw, mail!.text, mail!.html]) {
        for (const secret of [MASKED_ID, FULL_ID, INTERNAL_NOTE, "nervous"])
          expect(part).not.toContain(secret);
      }
      expect(
        await db.notification.findUniqueOrThrow({
          where: { id: notificationId },
          select: { status: true, attempts: true, sentAt: true },
        }),
      ).toMatchObject({
        status: "SENT",
        attempts: 1,
        sentAt: expect.any(Date),
      });
      // The in-app twin needs no delivery; it is settled in the same pass.
      expect(
        await db.notification.findFirstOrThrow({
          where: { applicationId: application.id, channel: "IN_APP" },
          select: { status: true },
        }),
      ).toEqual({ status: "SENT" });

      expect(await run(smtp(server.url), { now: later(new Date(), 3_600_000) })).toMatchObject({
        claimed: 0,
      });
      expect(server.messages).toHaveLength(1);
    },
  );

  it("retries while the server is down, never blocking the status change, and delivers once it is back", async () => {
    const port = await closedPort();
    const { application, notificationId } = await advancedCase("en");
    const providers = smtp(`smtp://127.0.0.1:${port}`);
    const t0 = new Date();

    expect(await run(providers, { now: t0 })).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    const afterFailure = await db.notification.findUniqueOrThrow({ where: { id: notificationId } });
    expect(afterFailure).toMatchObject({ status: "PENDING", attempts: 1, nextAttemptAt: later(t0, 30_000) });
    expect(afterFailure.lastError).toMatch(/ECONNECTION|ECONNREFUSED/);
    // The change that queued the message stands, whatever happens to the message.
    expect(
      await db.application.findUniqueOrThrow({
        where: { id: application.id },
        select: { currentNode: true },
      }),
    ).toEqual({ currentNode: "MATERIAL_CHECK" });
    expect(await run(providers, { now: later(t0, 10_000) })).toMatchObject({ claimed: 0 });

    const server = await sink({ port });
    expect(await run(providers, { now: later(t0, 31_000) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await run(providers, { now: later(t0, 3_600_000) })).toMatchObject({ claimed: 0 });
    expect(server.messages.map((mail) => mail.messageId)).toEqual([`<${notificationId}@expedite.test>`]);
    expect(
      await db.notification.findUniqueOrThrow({
        where: { id: notificationId },
        select: { status: true, attempts: true },
      }),
    ).toEqual({ status: "SENT", attempts: 2 });
  });

  it("lets two workers drain the same 20 messages, sending each exactly once", async () => {
    const server = await sink();
    const addresses = Array.from(
      { length: 20 },
      (_, index) => `person-${index}-${randomUUID()}@test.example`,
    );
    await db.notification.createMany({
      data: addresses.map((toAddress, index) => ({
        channel: "EMAIL" as const,
        template: "case.approved",
        locale: index % 2 ? "en" : "zh",
        payload: { number: `N-${index}` },
        toAddress,
      })),
    });
    const drain = async (providers: Providers) => {
      while ((await run(providers, { batchSize: 3 })).claimed > 0);
    };
    await Promise.all([drain(smtp(server.url)), drain(smtp(server.url))]);

    const ids = server.messages.map((mail) => mail.messageId);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    expect(server.messages.flatMap((mail) => mail.to).sort()).toEqual([...addresses].sort());
    expect(await db.notification.groupBy({ by: ["status", "attempts"], _count: true })).toEqual([
      { status: "SENT", attempts: 1, _count: 20 },
    ]);
  });

  it("gives up at once on a 5xx refusal, but retries a 4xx", async () => {
    const server = await sink({
      refuse: (address) => (address.startsWith("gone") ? 550 : address.startsWith("busy") ? 451 : null),
    });
    const [gone, busy] = [`gone-${randomUUID()}@test.example`, `busy-${randomUUID()}@test.example`];
    await db.notification.createMany({
      data: [gone, busy].map((toAddress) => ({
        channel: "EMAIL" as const,
        template: "case.rejected",
        payload: { number: "N-1" },
        toAddress,
      })),
    });
    const t0 = new Date();
    expect(await run(smtp(server.url), { now: t0 })).toMatchObject({ claimed: 2, failed: 1, retrying: 1 });
    const rows = await db.notification.findMany({
      select: { toAddress: true, status: true, attempts: true, lastError: true, nextAttemptAt: true },
    });
    expect(rows.find((row) => row.toAddress === gone)).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: expect.stringContaining("550"),
    });
    expect(rows.find((row) => row.toAddress === busy)).toMatchObject({
      status: "PENDING",
      attempts: 1,
      nextAttemptAt: later(t0, 30_000),
    });
    expect(await run(smtp(server.url), { now: later(t0, 3_600_000) })).toMatchObject({
      claimed: 1,
      failed: 0,
      retrying: 1,
    });
    expect(server.messages).toHaveLength(0);
  });

  it("marks a message FAILED after the last allowed attempt, and one it cannot render at once", async () => {
    const port = await closedPort();
    await db.notification.createMany({
      data: [
        {
          channel: "EMAIL",
          template: "case.approved",
          payload: { number: "N-1" },
          toAddress: "a@test.example",
          attempts: MAX_ATTEMPTS - 1,
        },
        {
          channel: "EMAIL",
          template: "case.mystery",
          payload: { number: "N-2" },
          toAddress: "b@test.example",
        },
      ],
    });
    expect(await run(smtp(`smtp://127.0.0.1:${port}`))).toMatchObject({ claimed: 2, failed: 2 });
    const rows = await db.notification.findMany({
      orderBy: { toAddress: "asc" },
      select: { status: true, attempts: true, lastError: true },
    });
    expect(rows).toEqual([
      {
        status: "FAILED",
        attempts: MAX_ATTEMPTS,
        lastError: expect.stringMatching(/ECONNECTION|ECONNREFUSED/),
      },
      { status: "FAILED", attempts: 1, lastError: 'unknown template "case.mystery"' },
    ]);
  });
});
