import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import type { OutgoingEmail, Providers } from "./providers";
import { runOutboxOnce, type RunSummary } from "./worker";

// Decision 027 against real Postgres, the clock moved by hand: bursts of informational messages
// about one case collapse into the newest; messages that need action leave at once.
withTestDatabase();

const SECOND = 1_000;
const BURST = { quietWindowMs: 120 * SECOND, maxHoldMs: 600 * SECOND };
const SETTINGS = { appUrl: "http://localhost:3000", from: "Expedite <no-reply@expedite.test>", burst: BURST };
const T0 = new Date("2026-12-07T02:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const STEPS: WorkflowNode[] = ["MATERIAL_CHECK", "SUBSTANTIVE_REVIEW", "EXPERT_REVIEW", "DECISION"];

beforeEach(async () => {
  // The worker takes whatever is due, not just one test's rows.
  await db.notification.deleteMany();
});

function recording() {
  const sent: OutgoingEmail[] = [];
  const providers: Providers = {
    email: { name: "recording", send: async (message) => void sent.push(message) },
    sms: { name: "none", send: async () => {} },
  };
  return { providers, sent };
}

async function newCase() {
  const applicant = await createTestUser("APPLICANT", { locale: "en" });
  const email = `${randomUUID()}@applicant.example`;
  const application = await createTestApplication({
    applicantId: applicant.id,
    serviceId: await createTestService(),
    locale: "en",
    email,
  });
  return { ...application, applicantId: applicant.id, email };
}

type Case = Awaited<ReturnType<typeof newCase>>;

/** What queueApplicantNotice writes for one change: an in-app row and an email, at `when`. */
async function queue(c: Case, template: string, when: Date, node?: WorkflowNode) {
  const common = {
    recipientId: c.applicantId,
    applicationId: c.id,
    template,
    locale: "en",
    payload: { number: c.number, ...(node ? { node } : {}) },
    nextAttemptAt: when,
    createdAt: when,
  };
  await db.notification.createMany({
    data: [
      { ...common, channel: "IN_APP" },
      { ...common, channel: "EMAIL", toAddress: c.email },
    ],
  });
  return db.notification.findFirstOrThrow({
    where: { applicationId: c.id, channel: "EMAIL", createdAt: when, template },
    select: { id: true },
  });
}

const run = (providers: Providers, now: Date): Promise<RunSummary> =>
  runOutboxOnce({ providers, now, settings: SETTINGS, log: () => {} });

const emailRows = (applicationId: string) =>
  db.notification.findMany({
    where: { applicationId, channel: "EMAIL" },
    orderBy: { createdAt: "asc" },
    select: { id: true, template: true, status: true, supersededById: true },
  });

describe("a burst of status messages about one case", () => {
  it("yields exactly one email, with the latest state, once the case has been quiet for the window", async () => {
    const c = await newCase();
    const { providers, sent } = recording();
    // Four steps in 30 seconds, as a case that moves fast does.
    for (const [i, node] of STEPS.entries()) await queue(c, "case.advanced", at(i * 10 * SECOND), node);

    expect(await run(providers, at(40 * SECOND))).toMatchObject({
      claimed: 0,
      inApp: 4,
      nextHeldAt: at(30 * SECOND + BURST.quietWindowMs),
    });
    expect(await run(providers, at(30 * SECOND + BURST.quietWindowMs - 1))).toMatchObject({ claimed: 0 });
    expect(sent).toEqual([]);

    const summary = await run(providers, at(30 * SECOND + BURST.quietWindowMs));
    expect(summary).toMatchObject({ claimed: 1, sent: 1, superseded: 3, nextHeldAt: null });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("Your application is now at the step “Decision”.");

    // Nothing lost: the older three point at the one sent in their place; the bell keeps all four.
    const rows = await emailRows(c.id);
    const newest = rows.at(-1)!;
    expect(newest.status).toBe("SENT");
    expect(rows.slice(0, -1)).toEqual(
      rows.slice(0, -1).map((row) => ({ ...row, status: "SUPERSEDED", supersededById: newest.id })),
    );
    expect(await db.notification.count({ where: { applicationId: c.id, channel: "IN_APP" } })).toBe(4);

    expect(await run(providers, at(3_600 * SECOND))).toMatchObject({ claimed: 0, superseded: 0 });
    expect(sent).toHaveLength(1);
  });

  it("sends a message that needs action at once, and it takes the place of the status messages before it", async () => {
    const c = await newCase();
    const { providers, sent } = recording();
    await queue(c, "case.advanced", at(0), "MATERIAL_CHECK");
    await queue(c, "payment.recorded", at(5 * SECOND));
    const request = await queue(c, "case.supplementRequested", at(10 * SECOND));
    await queue(c, "case.supplementProvided", at(20 * SECOND));
    await queue(c, "case.advanced", at(30 * SECOND), "SUBSTANTIVE_REVIEW");

    // Seconds after the request, before any quiet window has passed: the request goes out.
    expect(await run(providers, at(31 * SECOND))).toMatchObject({ claimed: 1, sent: 1, superseded: 2 });
    expect(sent.map((mail) => mail.subject)).toEqual([
      expect.stringContaining("material is needed from you"),
    ]);

    // The two after it are one more burst: one email, the latest state.
    expect(await run(providers, at(30 * SECOND + BURST.quietWindowMs))).toMatchObject({
      claimed: 1,
      superseded: 1,
    });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.text).toContain("Your application is now at the step “Substantive review”.");
    const rows = await emailRows(c.id);
    expect(rows.map((row) => row.status)).toEqual(["SUPERSEDED", "SUPERSEDED", "SENT", "SUPERSEDED", "SENT"]);
    expect(rows[0]!.supersededById).toBe(request.id);
    expect(rows[3]!.supersededById).toBe(rows[4]!.id);
  });

  it("does not hold a case that never goes quiet longer than the longest hold", async () => {
    const c = await newCase();
    const { providers, sent } = recording();
    // A message every minute, each restarting the quiet window; the relay runs every minute.
    for (let minute = 0; minute <= 12; minute++) {
      await queue(c, "case.advanced", at(minute * 60 * SECOND), STEPS[minute % STEPS.length]);
      await run(providers, at(minute * 60 * SECOND + SECOND));
    }
    // The first burst left at the longest hold (10 minutes after its first message), not never.
    expect(sent).toHaveLength(1);
    const rows = await emailRows(c.id);
    expect(rows.findIndex((row) => row.status === "SENT")).toBe(10);
  });

  it("keeps the bursts of different cases apart", async () => {
    const [a, b] = [await newCase(), await newCase()];
    const { providers, sent } = recording();
    await queue(a, "case.advanced", at(0), "MATERIAL_CHECK");
    await queue(b, "case.advanced", at(SECOND), "SUBSTANTIVE_REVIEW");
    await run(providers, at(SECOND + BURST.quietWindowMs));
    expect(sent.map((mail) => mail.to).sort()).toEqual([a.email, b.email].sort());
  });
});

describe("two relays at once", () => {
  it("send each case's newest message exactly once and drop nothing", async () => {
    const cases = await Promise.all(Array.from({ length: 12 }, () => newCase()));
    for (const c of cases)
      for (const [i, node] of STEPS.entries()) await queue(c, "case.advanced", at(i * SECOND), node);
    const { providers, sent } = recording();
    const now = at(10 * SECOND + BURST.quietWindowMs);
    // Small batches, so the two take turns over the same rows many times.
    const drain = async () => {
      for (;;) {
        const pass = await runOutboxOnce({ providers, now, settings: SETTINGS, log: () => {}, batchSize: 2 });
        if (pass.claimed === 0 && pass.superseded === 0) return;
      }
    };
    await Promise.all([drain(), drain()]);

    expect(sent.map((mail) => mail.notificationId).sort()).toEqual(
      [...new Set(sent.map((mail) => mail.notificationId))].sort(),
    );
    expect(sent.map((mail) => mail.to).sort()).toEqual(cases.map((c) => c.email).sort());
    for (const mail of sent) expect(mail.text).toContain("“Decision”");
    const statuses = await db.notification.groupBy({
      by: ["status"],
      where: { channel: "EMAIL" },
      _count: true,
    });
    expect(Object.fromEntries(statuses.map((row) => [row.status, row._count]))).toEqual({
      SENT: 12,
      SUPERSEDED: 36,
    });
  });
});
