import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { createTestService } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { performTransition } from "@/lib/workflow/mutations";
import { HOUR, MINUTE, NOW, makeCase, refundRows } from "./refunds.fixtures";

withTestDatabase();

let serviceId = "";
beforeAll(async () => {
  serviceId = await createTestService();
});

const decide = (
  application: { id: string; version: number; reviewer: Viewer },
  transition: "APPROVE" | "REJECT",
  now = NOW,
) =>
  performTransition({
    applicationId: application.id,
    expectedVersion: application.version,
    viewer: application.reviewer,
    transition,
    input: { publicNote: "Decided." },
    now,
  });

const withdraw = (application: { id: string; version: number; applicant: Viewer }) =>
  performTransition({
    applicationId: application.id,
    expectedVersion: application.version,
    viewer: application.applicant,
    transition: "WITHDRAW",
    now: NOW,
  });

const caseRow = (id: string) =>
  db.application.findUniqueOrThrow({
    where: { id },
    select: { paymentStatus: true, refundedMinor: true, refundedAt: true },
  });

describe("missed promise: a case decided later than its tier promised", () => {
  it("gets its surcharge back automatically at the decision, paid out through the provider", async () => {
    const late = await makeCase(serviceId, { caseDueAt: new Date(NOW.getTime() - MINUTE) });
    await decide(late, "APPROVE");
    expect(await refundRows(late.id)).toEqual([
      {
        cause: "MISSED_PROMISE",
        amountMinor: 5_000,
        status: "DONE",
        reference: expect.stringMatching(/^RFD-/),
        completedAt: NOW,
      },
    ]);
    // Part of the fee went back: the case stays paid, with the refunded sum beside it.
    expect(await caseRow(late.id)).toEqual({ paymentStatus: "PAID", refundedMinor: 5_000, refundedAt: NOW });
    const events = await db.timelineEvent.findMany({
      where: { applicationId: late.id, action: "REFUND_RECORDED" },
      select: { noteKey: true, noteParams: true },
    });
    expect(events).toEqual([{ noteKey: "refunded", noteParams: { cause: "MISSED_PROMISE" } }]);
    const notices = await db.notification.findMany({
      where: { applicationId: late.id, template: "payment.refunded" },
      select: { channel: true },
      orderBy: { channel: "asc" },
    });
    expect(notices.map((notice) => notice.channel)).toEqual(["IN_APP", "EMAIL"]);
    const audit = await db.auditLog.findFirst({
      where: { entityId: late.id, action: "payment.refunded" },
      select: { details: true },
    });
    expect(audit?.details).toMatchObject({ cause: "MISSED_PROMISE", amountMinor: 5_000 });
  });

  it("applies to a rejection too, and to nothing decided in time or not paid", async () => {
    const rejectedLate = await makeCase(serviceId, { caseDueAt: new Date(NOW.getTime() - MINUTE) });
    await decide(rejectedLate, "REJECT");
    expect((await refundRows(rejectedLate.id)).map((row) => [row.cause, row.amountMinor])).toEqual([
      ["MISSED_PROMISE", 5_000],
    ]);

    // Exactly on the promised time is in time.
    const onTime = await makeCase(serviceId, { caseDueAt: NOW });
    await decide(onTime, "APPROVE");
    expect(await refundRows(onTime.id)).toEqual([]);

    const unpaid = await makeCase(serviceId, {
      caseDueAt: new Date(NOW.getTime() - HOUR),
      paymentStatus: "UNPAID",
    });
    await decide(unpaid, "REJECT");
    expect(await refundRows(unpaid.id)).toEqual([]);
  });

  it("does not count the time spent waiting for the applicant's supplement", async () => {
    // Promised 30 minutes before the decision; the applicant took 2 hours to answer a request.
    const waited = await makeCase(serviceId, {
      node: "MATERIAL_CHECK",
      caseDueAt: new Date(NOW.getTime() - 30 * MINUTE),
    });
    let version = waited.version;
    const step = async (
      viewer: Viewer,
      transition: Parameters<typeof performTransition>[0]["transition"],
      at: Date,
      input = {},
    ) => {
      version = (
        await performTransition({
          applicationId: waited.id,
          expectedVersion: version,
          viewer,
          transition,
          input,
          now: at,
        })
      ).version;
    };
    await step(waited.reviewer, "REQUEST_SUPPLEMENT", new Date(NOW.getTime() - 4 * HOUR), {
      items: [{ problem: "Photo is blurred" }],
      dueAt: new Date(NOW.getTime() + 24 * HOUR),
    });
    await step(waited.applicant, "PROVIDE_SUPPLEMENT", new Date(NOW.getTime() - 2 * HOUR), {
      publicNote: "New photo attached.",
    });
    await step(waited.reviewer, "ADVANCE", new Date(NOW.getTime() - HOUR));
    await step(waited.reviewer, "ADVANCE", new Date(NOW.getTime() - HOUR / 2));
    await decide({ ...waited, version }, "APPROVE");
    // Due time moved on by the 2 hours of waiting: decided 90 minutes early, nothing to refund.
    expect(await refundRows(waited.id)).toEqual([]);
  });
});

describe("withdrawal: the refund policy's rules", () => {
  it("refunds the whole fee before the material check", async () => {
    const early = await makeCase(serviceId, {
      node: "MATERIAL_CHECK",
      caseDueAt: new Date(NOW.getTime() + 24 * HOUR),
    });
    await withdraw(early);
    expect((await refundRows(early.id)).map((row) => [row.cause, row.amountMinor, row.status])).toEqual([
      ["WITHDRAWN", 15_000, "DONE"],
    ]);
    expect(await caseRow(early.id)).toEqual({
      paymentStatus: "REFUNDED",
      refundedMinor: 15_000,
      refundedAt: NOW,
    });
  });

  it("after the material check: nothing in time, the surcharge once the promise was missed", async () => {
    const inTime = await makeCase(serviceId, {
      node: "SUBSTANTIVE_REVIEW",
      history: ["MATERIAL_CHECK", "SUBSTANTIVE_REVIEW"],
      caseDueAt: new Date(NOW.getTime() + HOUR),
    });
    await withdraw(inTime);
    expect(await refundRows(inTime.id)).toEqual([]);

    const late = await makeCase(serviceId, {
      node: "SUBSTANTIVE_REVIEW",
      history: ["MATERIAL_CHECK", "SUBSTANTIVE_REVIEW"],
      caseDueAt: new Date(NOW.getTime() - HOUR),
    });
    await withdraw(late);
    expect((await refundRows(late.id)).map((row) => [row.cause, row.amountMinor])).toEqual([
      ["MISSED_PROMISE", 5_000],
    ]);
  });

  it("does not count a wait for the applicant that is still running", async () => {
    // Due 1 hour ago, but waiting for the applicant's answer for the last 3 hours: not late.
    const waiting = await makeCase(serviceId, {
      node: "AWAITING_SUPPLEMENT",
      history: ["MATERIAL_CHECK", "SUBSTANTIVE_REVIEW", "AWAITING_SUPPLEMENT"],
      caseDueAt: new Date(NOW.getTime() - HOUR),
    });
    await db.application.update({ where: { id: waiting.id }, data: { status: "AWAITING_APPLICANT" } });
    await db.supplementRequest.create({
      data: {
        applicationId: waiting.id,
        requestedById: waiting.reviewer.id,
        dueAt: new Date(NOW.getTime() + HOUR),
        createdAt: new Date(NOW.getTime() - 3 * HOUR),
      },
    });
    await withdraw(waiting);
    expect(await refundRows(waiting.id)).toEqual([]);
  });
});
