import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { seedDemoData } from "@/prisma/seed";
import { findOwnPayment } from "./data";
import { payApplication } from "./mutations";
import { offlinePaymentProvider } from "./offline-provider";
import type { PaymentProvider } from "./provider";

withTestDatabase();

beforeAll(async () => {
  await seedDemoData(db, { idHashKey: "k".repeat(32) });
});

function newApplicant(): Promise<Viewer> {
  return createTestUser("APPLICANT", { locale: "en" });
}

async function newApplication(applicantId: string, overrides: { status?: "IN_PROGRESS" | "WITHDRAWN" } = {}) {
  const service = await db.serviceType.findUniqueOrThrow({
    where: { code: "passport-renewal" },
    select: { id: true },
  });
  return createTestApplication({
    applicantId,
    serviceId: service.id,
    feeBaseMinor: 12_000,
    feeSurchargeMinor: 10_000,
    ...overrides,
  });
}

/** Counts what the provider was asked, so a test can see that nothing was charged twice. */
function countingProvider(): PaymentProvider & { calls: { amountMinor: number; idempotencyKey: string }[] } {
  const inner = offlinePaymentProvider();
  const calls: { amountMinor: number; idempotencyKey: string }[] = [];
  return {
    id: inner.id,
    calls,
    confirm: inner.confirm,
    refund: inner.refund,
    async createPayment(request) {
      calls.push({ amountMinor: request.amountMinor, idempotencyKey: request.idempotencyKey });
      return inner.createPayment(request);
    },
  };
}

async function paymentRows(applicationId: string) {
  return {
    application: await db.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        paymentStatus: true,
        paidAt: true,
        paymentProvider: true,
        paymentReference: true,
        version: true,
      },
    }),
    events: await db.timelineEvent.count({ where: { applicationId, action: "PAYMENT_RECORDED" } }),
    notices: await db.notification.findMany({
      where: { applicationId },
      select: { channel: true, template: true, payload: true },
    }),
    audit: await db.auditLog.count({ where: { entityId: applicationId, action: "payment.recorded" } }),
  };
}

describe("payApplication", () => {
  it("records a simulated online payment with the fee from the case, in one go", async () => {
    const applicant = await newApplicant();
    const application = await newApplication(applicant.id);
    const provider = countingProvider();
    expect(
      await payApplication(applicant, { number: application.number, method: "online" }, { provider }),
    ).toEqual({
      number: application.number,
      outcome: "paid",
    });
    expect(provider.calls).toEqual([
      { amountMinor: 22_000, idempotencyKey: `application:${application.id}` },
    ]);
    const rows = await paymentRows(application.id);
    expect(rows.application).toMatchObject({
      paymentStatus: "PAID",
      paymentProvider: "simulated",
      version: 1,
    });
    expect(rows.application.paymentReference).toMatch(/^PAY-/);
    expect(rows.application.paidAt).toBeInstanceOf(Date);
    expect(rows.events).toBe(1);
    expect(rows.audit).toBe(1);
    expect(rows.notices.map((notice) => [notice.channel, notice.template]).sort()).toEqual([
      ["EMAIL", "payment.recorded"],
      ["IN_APP", "payment.recorded"],
    ]);
  });

  it("does not pay twice when asked twice", async () => {
    const applicant = await newApplicant();
    const application = await newApplication(applicant.id);
    const provider = countingProvider();
    await payApplication(applicant, { number: application.number, method: "online" }, { provider });
    const before = await paymentRows(application.id);
    expect(
      await payApplication(applicant, { number: application.number, method: "online" }, { provider }),
    ).toMatchObject({ outcome: "alreadyPaid" });
    expect(provider.calls).toHaveLength(1);
    expect(await paymentRows(application.id)).toEqual(before);
  });

  it("records one payment when two requests race", async () => {
    const applicant = await newApplicant();
    const application = await newApplication(applicant.id);
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        payApplication(
          applicant,
          { number: application.number, method: "online" },
          { provider: countingProvider() },
        ),
      ),
    );
    expect(results.map((result) => result.outcome).sort()).toEqual(["alreadyPaid", "alreadyPaid", "paid"]);
    const rows = await paymentRows(application.id);
    expect(rows.events).toBe(1);
    expect(rows.audit).toBe(1);
    expect(rows.notices).toHaveLength(2);
    expect(rows.application.version).toBe(1);
  });

  it("leaves a counter payment due with a reference, and a later online payment keeps it", async () => {
    const applicant = await newApplicant();
    const application = await newApplication(applicant.id);
    expect(await payApplication(applicant, { number: application.number, method: "counter" })).toMatchObject({
      outcome: "pending",
    });
    const pending = await paymentRows(application.id);
    expect(pending.application).toMatchObject({
      paymentStatus: "UNPAID",
      paidAt: null,
      paymentProvider: "counter",
    });
    expect(pending.events).toBe(0);
    // Asking again changes nothing.
    await payApplication(applicant, { number: application.number, method: "counter" });
    expect((await paymentRows(application.id)).application.version).toBe(pending.application.version);

    await payApplication(applicant, { number: application.number, method: "online" });
    const paid = await paymentRows(application.id);
    expect(paid.application).toMatchObject({
      paymentStatus: "PAID",
      paymentReference: pending.application.paymentReference,
    });
  });

  it("lets no other applicant pay for or see the case", async () => {
    const [owner, other] = [await newApplicant(), await newApplicant()];
    const application = await newApplication(owner.id);
    const provider = countingProvider();
    await expect(
      payApplication(other, { number: application.number, method: "online" }, { provider }),
    ).rejects.toMatchObject({
      messageKey: "payment.errors.notFound",
    });
    expect(provider.calls).toHaveLength(0);
    expect(await findOwnPayment(other, application.number)).toBeNull();
    expect(await findOwnPayment(owner, application.number)).toMatchObject({
      number: application.number,
      paymentStatus: "UNPAID",
    });
    expect((await paymentRows(application.id)).application.paymentStatus).toBe("UNPAID");
  });

  it("refuses staff and withdrawn cases", async () => {
    const owner = await newApplicant();
    const reviewer = await db.user.findUniqueOrThrow({
      where: { email: "reviewer1@expedite.test" },
      select: { id: true, role: true },
    });
    const application = await newApplication(owner.id);
    await expect(
      payApplication(reviewer, { number: application.number, method: "online" }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(findOwnPayment(reviewer, application.number)).rejects.toBeInstanceOf(NotAuthorizedError);
    const withdrawn = await newApplication(owner.id, { status: "WITHDRAWN" });
    await expect(payApplication(owner, { number: withdrawn.number, method: "online" })).rejects.toMatchObject(
      { messageKey: "payment.errors.closed" },
    );
  });
});
