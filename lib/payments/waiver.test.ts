import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestService, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { TransitionNotAllowedError, TransitionRequirementError } from "@/lib/workflow/errors";
import { performTransition } from "@/lib/workflow/mutations";
import { recordRefund, waiveFee } from "@/lib/workflow/operation-mutations";
import { HOUR, NOW, makeCase, refundRows } from "./refunds.fixtures";

withTestDatabase();

let serviceId = "";
beforeAll(async () => {
  serviceId = await createTestService();
});

const inTime = new Date(NOW.getTime() + HOUR);
const paymentOf = (id: string) =>
  db.application.findUniqueOrThrow({
    where: { id },
    select: { paymentStatus: true, refundedMinor: true, version: true },
  });

describe("a supervisor waives a fee", () => {
  it("unpaid: nothing is owed, approval accepts it, no refund; reason audited, applicant told", async () => {
    const application = await makeCase(serviceId, { caseDueAt: inTime, paymentStatus: "UNPAID" });
    const supervisor = await createTestUser("SUPERVISOR");
    await expect(
      waiveFee({
        applicationId: application.id,
        expectedVersion: 0,
        viewer: application.reviewer,
        reason: "x",
        now: NOW,
      }),
    ).rejects.toBeInstanceOf(TransitionNotAllowedError);
    const waived = await waiveFee({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: supervisor,
      reason: "Hardship: the applicant lost everything in a fire.",
      now: NOW,
    });
    expect(await paymentOf(application.id)).toEqual({
      paymentStatus: "WAIVED",
      refundedMinor: null,
      version: 1,
    });
    expect(await refundRows(application.id)).toEqual([]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: application.id, action: "workflow.WAIVE_FEE" },
      select: { actorId: true, details: true },
    });
    expect(audit).toMatchObject({
      actorId: supervisor.id,
      details: { reason: "Hardship: the applicant lost everything in a fire." },
    });
    expect(
      await db.timelineEvent.findFirst({
        where: { applicationId: application.id, action: "FEE_WAIVED" },
        select: { internalNote: true, publicNote: true },
      }),
    ).toEqual({ internalNote: "Hardship: the applicant lost everything in a fire.", publicNote: null });
    expect(
      await db.notification.count({ where: { applicationId: application.id, template: "payment.waived" } }),
    ).toBe(2);
    // Waived counts as settled for the decision.
    await performTransition({
      applicationId: application.id,
      expectedVersion: waived.version,
      viewer: application.reviewer,
      transition: "APPROVE",
      now: NOW,
    });
    // And cannot be waived twice.
    await expect(
      waiveFee({
        applicationId: application.id,
        expectedVersion: 2,
        viewer: supervisor,
        reason: "again",
        now: NOW,
      }),
    ).rejects.toBeInstanceOf(TransitionNotAllowedError);
  });

  it("paid: the whole fee goes back under the cause WAIVED", async () => {
    const application = await makeCase(serviceId, { caseDueAt: inTime });
    const supervisor = await createTestUser("SUPERVISOR");
    await waiveFee({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: supervisor,
      reason: "Our mistake.",
      now: NOW,
    });
    expect(await refundRows(application.id)).toEqual([
      expect.objectContaining({ cause: "WAIVED", amountMinor: 15_000, status: "DONE", completedAt: NOW }),
    ]);
    expect(await paymentOf(application.id)).toMatchObject({ paymentStatus: "WAIVED", refundedMinor: 15_000 });
  });
});

describe("a supervisor's manual refund is a refund like the others", () => {
  it("goes through the refund table and the provider, at most what has not gone back yet", async () => {
    // Decided late: the surcharge (50) went back automatically; 100 is left.
    const application = await makeCase(serviceId, { caseDueAt: new Date(NOW.getTime() - HOUR) });
    const decided = await performTransition({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: application.reviewer,
      transition: "REJECT",
      input: { publicNote: "Not eligible." },
      now: NOW,
    });
    const supervisor = await createTestUser("SUPERVISOR");
    const args = {
      applicationId: application.id,
      expectedVersion: decided.version,
      viewer: supervisor,
      now: NOW,
    };
    await expect(recordRefund({ ...args, amountMinor: 10_001, reason: "x" })).rejects.toBeInstanceOf(
      TransitionRequirementError,
    );
    await recordRefund({ ...args, amountMinor: 10_000, reason: "Goodwill." });
    expect((await refundRows(application.id)).map((row) => [row.cause, row.amountMinor, row.status])).toEqual(
      [
        ["MISSED_PROMISE", 5_000, "DONE"],
        ["MANUAL", 10_000, "DONE"],
      ],
    );
    expect(await paymentOf(application.id)).toMatchObject({
      paymentStatus: "REFUNDED",
      refundedMinor: 15_000,
    });
  });
});
