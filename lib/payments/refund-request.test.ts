import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { PaymentStatus } from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { requestRefund, type RefundCause } from "./refund-mutations";

withTestDatabase();

const NOW = new Date("2026-12-08T10:00:00Z");
let serviceId = "";

beforeAll(async () => {
  serviceId = await createTestService();
});

async function paidCase(paymentStatus: PaymentStatus = "PAID") {
  const applicant = await createTestUser("APPLICANT");
  return createTestApplication({
    applicantId: applicant.id,
    serviceId,
    feeBaseMinor: 10_000,
    feeSurchargeMinor: 5_000,
    paymentStatus,
  });
}

const request = (applicationId: string, cause: RefundCause, amountMinor: number) =>
  db.$transaction((tx) => requestRefund(tx, { applicationId, cause, amountMinor, actorId: null, now: NOW }));

const refundsOf = (applicationId: string) =>
  db.refund.findMany({
    where: { applicationId },
    select: { cause: true, amountMinor: true, status: true, idempotencyKey: true, nextAttemptAt: true },
  });

describe("requestRefund", () => {
  it("records one PENDING refund per case and cause, keyed for the provider", async () => {
    const application = await paidCase();
    expect(await request(application.id, "MISSED_PROMISE", 5_000)).toEqual({ created: true });
    expect(await request(application.id, "MISSED_PROMISE", 5_000)).toEqual({ created: false });
    expect(await refundsOf(application.id)).toEqual([
      {
        cause: "MISSED_PROMISE",
        amountMinor: 5_000,
        status: "PENDING",
        idempotencyKey: `refund:${application.id}:MISSED_PROMISE`,
        nextAttemptAt: NOW,
      },
    ]);
  });

  it("creates nothing for a zero amount or a fee that is not paid", async () => {
    const paid = await paidCase();
    expect(await request(paid.id, "WITHDRAWN", 0)).toEqual({ created: false });
    for (const status of ["UNPAID", "WAIVED", "REFUNDED"] as const) {
      const application = await paidCase(status);
      expect(await request(application.id, "WITHDRAWN", 15_000)).toEqual({ created: false });
      expect(await refundsOf(application.id)).toEqual([]);
    }
    expect(await refundsOf(paid.id)).toEqual([]);
  });

  it("rolls back with the transaction of its cause", async () => {
    const application = await paidCase();
    await expect(
      db.$transaction(async (tx) => {
        await requestRefund(tx, {
          applicationId: application.id,
          cause: "WITHDRAWN",
          amountMinor: 15_000,
          actorId: null,
          now: NOW,
        });
        throw new Error("the cause failed");
      }),
    ).rejects.toThrow("the cause failed");
    expect(await refundsOf(application.id)).toEqual([]);
  });

  it("of two concurrent requests for one cause, exactly one creates the refund", async () => {
    const application = await paidCase();
    const results = await Promise.all([
      request(application.id, "DOWNGRADED", 5_000),
      request(application.id, "DOWNGRADED", 5_000),
    ]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(await refundsOf(application.id)).toHaveLength(1);
  });
});
