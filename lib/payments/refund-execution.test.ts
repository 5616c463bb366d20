import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestService } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { executePendingRefunds, REFUND_LEASE_MS } from "./refund-execution-mutations";
import { requestClosingRefund, requestRefund } from "./refund-mutations";
import { HOUR, MINUTE, NOW, countingProvider, makeCase, refundRows } from "./refunds.fixtures";

withTestDatabase();

let serviceId = "";
beforeAll(async () => {
  serviceId = await createTestService();
});

const lateCase = () => makeCase(serviceId, { caseDueAt: new Date(NOW.getTime() - HOUR) });

const request = (applicationId: string) =>
  db.$transaction((tx) =>
    requestRefund(tx, {
      applicationId,
      cause: "MISSED_PROMISE",
      amountMinor: 5_000,
      actorId: null,
      now: NOW,
    }),
  );

const sideEffects = async (applicationId: string) => ({
  timeline: await db.timelineEvent.count({ where: { applicationId, action: "REFUND_RECORDED" } }),
  notices: await db.notification.count({ where: { applicationId, template: "payment.refunded" } }),
  audit: await db.auditLog.count({ where: { entityId: applicationId, action: "payment.refunded" } }),
});

describe("paying refunds out", () => {
  it("retries a failed provider call later with the same idempotency key, and records it once", async () => {
    const application = await lateCase();
    await request(application.id);
    const provider = countingProvider(1);

    expect(await executePendingRefunds({ provider, now: NOW, applicationId: application.id })).toEqual({
      done: 0,
      retrying: 1,
    });
    const failed = await db.refund.findFirstOrThrow({
      where: { applicationId: application.id },
      select: { status: true, attempts: true, lastError: true, nextAttemptAt: true, leaseUntil: true },
    });
    expect(failed).toEqual({
      status: "PENDING",
      attempts: 1,
      lastError: "gateway unavailable",
      nextAttemptAt: new Date(NOW.getTime() + MINUTE),
      leaseUntil: null,
    });
    // Not due yet: nothing is asked of the provider.
    await executePendingRefunds({ provider, now: NOW, applicationId: application.id });
    expect(provider.refunds).toHaveLength(1);

    const later = new Date(NOW.getTime() + MINUTE);
    expect(await executePendingRefunds({ provider, now: later, applicationId: application.id })).toEqual({
      done: 1,
      retrying: 0,
    });
    expect(provider.refunds.map((call) => call.idempotencyKey)).toEqual([
      `refund:${application.id}:MISSED_PROMISE`,
      `refund:${application.id}:MISSED_PROMISE`,
    ]);
    expect(provider.refunds[0]).toMatchObject({ amountMinor: 5_000, currency: "CNY" });
    // Done is done: another run asks nothing and records nothing.
    await executePendingRefunds({ provider, now: new Date(later.getTime() + HOUR) });
    expect(provider.refunds).toHaveLength(2);
    expect(await sideEffects(application.id)).toEqual({ timeline: 1, notices: 2, audit: 1 });
    expect(
      await db.application.findUniqueOrThrow({
        where: { id: application.id },
        select: { refundedMinor: true },
      }),
    ).toEqual({ refundedMinor: 5_000 });
  });

  it("takes a refund whose executor died mid-call once its lease lapsed, with the same key", async () => {
    const application = await lateCase();
    await request(application.id);
    // An executor claimed it and never came back.
    await db.refund.updateMany({
      where: { applicationId: application.id },
      data: { leaseUntil: new Date(NOW.getTime() + REFUND_LEASE_MS), attempts: 1 },
    });
    const provider = countingProvider();
    await executePendingRefunds({ provider, now: NOW, applicationId: application.id });
    expect(provider.refunds).toHaveLength(0);
    await executePendingRefunds({
      provider,
      now: new Date(NOW.getTime() + REFUND_LEASE_MS),
      applicationId: application.id,
    });
    expect(provider.refunds.map((call) => call.idempotencyKey)).toEqual([
      `refund:${application.id}:MISSED_PROMISE`,
    ]);
    expect((await refundRows(application.id)).map((row) => row.status)).toEqual(["DONE"]);
  });

  it("two concurrent triggers for one cause: one refund row, one provider call", async () => {
    const application = await lateCase();
    const trigger = () =>
      db.$transaction((tx) =>
        requestClosingRefund(tx, {
          applicationId: application.id,
          status: "APPROVED",
          actorId: null,
          now: NOW,
        }),
      );
    const triggered = await Promise.all([trigger(), trigger()]);
    expect(triggered.map((result) => result.created).sort()).toEqual([false, true]);

    const provider = countingProvider();
    const runs = await Promise.all([
      executePendingRefunds({ provider, now: NOW }),
      executePendingRefunds({ provider, now: NOW }),
      executePendingRefunds({ provider, now: NOW }),
    ]);
    expect(runs.reduce((sum, run) => sum + run.done, 0)).toBeGreaterThanOrEqual(1);
    expect(provider.refunds.filter((call) => call.idempotencyKey.includes(application.id))).toHaveLength(1);
    expect(await refundRows(application.id)).toEqual([
      expect.objectContaining({ cause: "MISSED_PROMISE", amountMinor: 5_000, status: "DONE" }),
    ]);
    expect(await sideEffects(application.id)).toEqual({ timeline: 1, notices: 2, audit: 1 });
  });
});
