import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { quoteFee } from "@/lib/catalog/fees";
import { db } from "@/lib/db";
import type {
  ApplicationStatus,
  PaymentStatus,
  UrgencyTier,
  WorkflowNode,
} from "@/lib/generated/prisma/enums";
import { offlinePaymentProvider } from "@/lib/payments/offline-provider";
import type { PaymentProvider } from "@/lib/payments/provider";
import { refundRules } from "@/lib/payments/refund-policy";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import {
  CaseNotFoundError,
  ConcurrentChangeError,
  TransitionNotAllowedError,
  TransitionRequirementError,
} from "./errors";
import { acceptAsStandard, upgradeTier } from "./tier-mutations";

withTestDatabase();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = new Date("2026-12-08T06:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const later = (ms: number) => new Date(NOW.getTime() + ms);

/** Standard 120 h, urgent 48 h, express 24 h; material check and review targets per tier. */
const TIERS = [
  { tier: "STANDARD", surchargeMinor: 0, processingHours: 120, check: 24 * 60, review: 48 * 60 },
  { tier: "URGENT", surchargeMinor: 5_000, processingHours: 48, check: 8 * 60, review: 16 * 60 },
  { tier: "EXPRESS", surchargeMinor: 12_000, processingHours: 24, check: 2 * 60, review: 4 * 60 },
] as const;

let serviceId = "";
/** The same service without express on offer. */
let noExpressServiceId = "";

async function makeService(expressAvailable: boolean) {
  const service = await db.serviceType.create({
    data: {
      code: `svc-${randomUUID()}`,
      nameZh: "s",
      nameEn: "s",
      descriptionZh: "-",
      descriptionEn: "-",
      baseFeeMinor: 10_000,
      tiers: {
        create: TIERS.map((tier) => ({
          tier: tier.tier,
          surchargeMinor: tier.surchargeMinor,
          processingHours: tier.processingHours,
          available: tier.tier !== "EXPRESS" || expressAvailable,
          nodeTargets: {
            create: [
              { node: "MATERIAL_CHECK", targetMinutes: tier.check },
              { node: "SUBSTANTIVE_REVIEW", targetMinutes: tier.review },
            ],
          },
        })),
      },
    },
    select: { id: true },
  });
  return service.id;
}

beforeAll(async () => {
  serviceId = await makeService(true);
  noExpressServiceId = await makeService(false);
});

const surchargeOf = (tier: UrgencyTier) => TIERS.find((row) => row.tier === tier)!.surchargeMinor;

async function makeCase(
  options: {
    tier?: UrgencyTier;
    node?: WorkflowNode;
    status?: ApplicationStatus;
    paymentStatus?: PaymentStatus;
    assignee?: Viewer;
    service?: string;
    submittedAt?: Date;
    nodeEnteredAt?: Date;
    pausedMinutes?: number;
    slaEscalatedAt?: Date | null;
  } = {},
) {
  const applicant = await createTestUser("APPLICANT");
  const tier = options.tier ?? "URGENT";
  const submittedAt = options.submittedAt ?? ago(10 * HOUR);
  const application = await createTestApplication({
    applicantId: applicant.id,
    serviceId: options.service ?? serviceId,
    tier,
    feeBaseMinor: 10_000,
    feeSurchargeMinor: surchargeOf(tier),
    currentNode: options.node ?? "MATERIAL_CHECK",
    status: options.status ?? "IN_PROGRESS",
    paymentStatus: options.paymentStatus ?? "PAID",
    assigneeId: options.assignee?.id ?? null,
    submittedAt,
    nodeEnteredAt: options.nodeEnteredAt ?? ago(2 * HOUR),
    pausedMinutes: options.pausedMinutes ?? 0,
    caseDueAt: new Date(submittedAt.getTime() + 48 * HOUR),
    nodeDueAt: later(HOUR),
    slaWarnedAt: options.slaEscalatedAt ?? null,
    slaEscalatedAt: options.slaEscalatedAt ?? null,
    locale: "en",
  });
  return { ...application, applicant };
}

async function stateOf(applicationId: string) {
  const [application, changes, events, audit, notices, refunds] = await Promise.all([
    db.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        tier: true,
        version: true,
        feeSurchargeMinor: true,
        caseDueAt: true,
        nodeDueAt: true,
        slaWarnedAt: true,
        slaEscalatedAt: true,
        paymentStatus: true,
      },
    }),
    db.tierChange.findMany({
      where: { applicationId },
      select: { fromTier: true, toTier: true, amountMinor: true, paymentReference: true },
    }),
    db.timelineEvent.findMany({
      where: { applicationId, action: { in: ["ACCEPTED_AS_STANDARD", "TIER_UPGRADED"] } },
      select: { action: true, publicNote: true, noteKey: true, noteParams: true, dueAt: true },
    }),
    db.auditLog.findMany({ where: { entityId: applicationId }, select: { action: true, details: true } }),
    db.notification.findMany({
      where: { applicationId },
      select: { template: true, channel: true, payload: true },
    }),
    db.refund.findMany({
      where: { applicationId },
      select: { cause: true, amountMinor: true, status: true },
    }),
  ]);
  return { application, changes, events, audit, notices, refunds };
}

async function reviewerOf() {
  const reviewer = await createTestUser("REVIEWER");
  await db.staffService.create({ data: { userId: reviewer.id, serviceId } });
  return reviewer;
}

const EXPLANATION = "The trip is in three weeks: the standard route meets it.";

describe("accept as standard", () => {
  it("moves a paid urgent case to standard, re-timed from its submission, with the surcharge difference due back", async () => {
    const reviewer = await reviewerOf();
    const submittedAt = ago(10 * HOUR);
    const nodeEnteredAt = ago(2 * HOUR);
    const application = await makeCase({ assignee: reviewer, submittedAt, nodeEnteredAt, pausedMinutes: 30 });

    const outcome = await acceptAsStandard({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: reviewer,
      publicNote: EXPLANATION,
      now: NOW,
    });

    expect(outcome).toMatchObject({ version: 1, differenceMinor: 5_000 });
    const state = await stateOf(application.id);
    expect(state.application).toMatchObject({
      tier: "STANDARD",
      version: 1,
      feeSurchargeMinor: 0,
      // Standard's 120 h from submission, plus the 30 minutes already spent waiting for the applicant.
      caseDueAt: new Date(submittedAt.getTime() + 120 * HOUR + 30 * MINUTE),
      // Standard's material check target (24 h) from when the case entered the step.
      nodeDueAt: new Date(nodeEnteredAt.getTime() + 24 * HOUR),
    });
    expect(state.changes).toEqual([
      { fromTier: "URGENT", toTier: "STANDARD", amountMinor: 5_000, paymentReference: null },
    ]);
    // The surcharge difference goes back through the refund machinery, paid out right after the commit.
    expect(state.refunds).toEqual([{ cause: "DOWNGRADED", amountMinor: 5_000, status: "DONE" }]);
    expect(state.events).toEqual([
      {
        action: "ACCEPTED_AS_STANDARD",
        publicNote: EXPLANATION,
        noteKey: "tierChanged",
        noteParams: { from: "URGENT", to: "STANDARD" },
        dueAt: new Date(nodeEnteredAt.getTime() + 24 * HOUR),
      },
    ]);
    expect(state.audit).toContainEqual({
      action: "workflow.ACCEPT_AS_STANDARD",
      details: expect.objectContaining({ from: "URGENT", to: "STANDARD", amountMinor: 5_000 }),
    });
    expect(state.notices).toContainEqual({
      template: "case.acceptedAsStandard",
      channel: "EMAIL",
      payload: expect.objectContaining({ expectedAt: state.application.caseDueAt!.toISOString() }),
    });
    // The promise is now the standard one: no surcharge left to give back for a missed deadline.
    expect(
      refundRules(
        quoteFee({ baseFeeMinor: 10_000, surchargeMinor: state.application.feeSurchargeMinor }),
      ).map((r) => r.id),
    ).not.toContain("missedDeadline");
  });

  it("gives an unpaid case the lower fee and nothing to refund", async () => {
    const reviewer = await reviewerOf();
    const application = await makeCase({ tier: "EXPRESS", assignee: reviewer, paymentStatus: "UNPAID" });
    const outcome = await acceptAsStandard({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: reviewer,
      publicNote: EXPLANATION,
      now: NOW,
    });
    expect(outcome.differenceMinor).toBe(0);
    const state = await stateOf(application.id);
    expect(state.application).toMatchObject({
      tier: "STANDARD",
      feeSurchargeMinor: 0,
      paymentStatus: "UNPAID",
    });
    expect(state.changes).toEqual([
      { fromTier: "EXPRESS", toTier: "STANDARD", amountMinor: 0, paymentReference: null },
    ]);
    expect(state.refunds).toEqual([]);
  });

  it("clears an escalation whose moment lies ahead under the standard times", async () => {
    const reviewer = await reviewerOf();
    const application = await makeCase({ assignee: reviewer, slaEscalatedAt: ago(HOUR) });
    await acceptAsStandard({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: reviewer,
      publicNote: EXPLANATION,
      now: NOW,
    });
    expect((await stateOf(application.id)).application).toMatchObject({
      slaWarnedAt: null,
      slaEscalatedAt: null,
    });
  });

  it("refuses without an explanation, on a stale version, for another reviewer, and on a standard or decided case", async () => {
    const reviewer = await reviewerOf();
    const application = await makeCase({ assignee: reviewer });
    const base = { applicationId: application.id, viewer: reviewer, now: NOW, publicNote: EXPLANATION };
    await expect(acceptAsStandard({ ...base, expectedVersion: 0, publicNote: "  " })).rejects.toBeInstanceOf(
      TransitionRequirementError,
    );
    await expect(acceptAsStandard({ ...base, expectedVersion: 3 })).rejects.toBeInstanceOf(
      ConcurrentChangeError,
    );
    await expect(
      acceptAsStandard({ ...base, expectedVersion: 0, viewer: await reviewerOf() }),
    ).rejects.toBeInstanceOf(TransitionNotAllowedError);
    const untouched = await stateOf(application.id);
    expect(untouched.application).toMatchObject({ tier: "URGENT", version: 0, feeSurchargeMinor: 5_000 });
    expect(untouched.changes).toEqual([]);

    const standard = await makeCase({ tier: "STANDARD", assignee: reviewer });
    const decided = await makeCase({ assignee: reviewer, node: "RESULT_NOTIFIED", status: "APPROVED" });
    for (const other of [standard, decided])
      await expect(
        acceptAsStandard({ ...base, applicationId: other.id, expectedVersion: 0 }),
      ).rejects.toBeInstanceOf(TransitionNotAllowedError);
  });
});

/** Counts the distinct payments a provider was asked for (a gateway charges once per key). */
function countingProvider(
  inner: PaymentProvider = offlinePaymentProvider(() => NOW),
): PaymentProvider & { calls: { key: string; amountMinor: number }[] } {
  const calls: { key: string; amountMinor: number }[] = [];
  return {
    id: inner.id,
    calls,
    confirm: inner.confirm,
    refund: inner.refund,
    async createPayment(request) {
      calls.push({ key: request.idempotencyKey, amountMinor: request.amountMinor });
      return inner.createPayment(request);
    },
  };
}

describe("upgrade", () => {
  it("charges the difference once and re-times the case from the moment it is paid", async () => {
    const application = await makeCase({ tier: "STANDARD", node: "SUBSTANTIVE_REVIEW" });
    const provider = countingProvider();
    const outcome = await upgradeTier(
      {
        applicationId: application.id,
        expectedVersion: 0,
        viewer: application.applicant,
        tier: "EXPRESS",
        now: NOW,
      },
      { provider },
    );
    expect(outcome).toMatchObject({ version: 1, differenceMinor: 12_000 });
    expect(provider.calls).toEqual([{ key: `tier-upgrade:${application.id}:EXPRESS`, amountMinor: 12_000 }]);
    const state = await stateOf(application.id);
    expect(state.application).toMatchObject({
      tier: "EXPRESS",
      feeSurchargeMinor: 12_000,
      caseDueAt: later(24 * HOUR),
      nodeDueAt: later(HOUR),
    });
    expect(state.changes).toEqual([
      { fromTier: "STANDARD", toTier: "EXPRESS", amountMinor: 12_000, paymentReference: expect.any(String) },
    ]);
    expect(state.events).toEqual([
      expect.objectContaining({ action: "TIER_UPGRADED", noteParams: { from: "STANDARD", to: "EXPRESS" } }),
    ]);
    expect(state.notices.map((notice) => notice.template)).toContain("case.tierUpgraded");
    // A missed express promise later gives back the whole surcharge actually paid.
    expect(
      refundRules(quoteFee({ baseFeeMinor: 10_000, surchargeMinor: state.application.feeSurchargeMinor })),
    ).toContainEqual({
      id: "missedDeadline",
      amountMinor: 12_000,
    });
  });

  it("times the new tier from now, but never later than the case was already due", async () => {
    // Filed urgent 47 h ago: due in an hour, sooner than express's 24 h from now.
    const application = await makeCase({ tier: "URGENT", submittedAt: ago(47 * HOUR) });
    await upgradeTier(
      {
        applicationId: application.id,
        expectedVersion: 0,
        viewer: application.applicant,
        tier: "EXPRESS",
        now: NOW,
      },
      { provider: countingProvider() },
    );
    expect((await stateOf(application.id)).application).toMatchObject({
      caseDueAt: later(HOUR),
      nodeDueAt: later(HOUR),
      feeSurchargeMinor: 12_000,
    });
  });

  it("charges once when the same upgrade is sent several times at once", async () => {
    const application = await makeCase({ tier: "STANDARD" });
    const provider = countingProvider();
    const results = await Promise.allSettled(
      [1, 2, 3].map(() =>
        upgradeTier(
          {
            applicationId: application.id,
            expectedVersion: 0,
            viewer: application.applicant,
            tier: "URGENT",
            now: NOW,
          },
          { provider },
        ),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((result) => result.status === "rejected"))
      expect(result.reason).toBeInstanceOf(ConcurrentChangeError);
    expect(provider.calls).toHaveLength(1);
    const state = await stateOf(application.id);
    expect(state.application).toMatchObject({ tier: "URGENT", version: 1, feeSurchargeMinor: 5_000 });
    expect(state.changes).toHaveLength(1);
    expect(state.events).toHaveLength(1);
    expect(state.audit.filter((entry) => entry.action === "workflow.UPGRADE_TIER")).toHaveLength(1);
  });

  it("refuses closed, decided and unpaid cases, slower or same or unavailable tiers, and other people", async () => {
    const provider = countingProvider();
    const attempt = (application: { id: string; applicant: Viewer }, tier: UrgencyTier, viewer?: Viewer) =>
      upgradeTier(
        {
          applicationId: application.id,
          expectedVersion: 0,
          viewer: viewer ?? application.applicant,
          tier,
          now: NOW,
        },
        { provider },
      );
    const fieldError = (key: string) =>
      expect.objectContaining({ fieldErrors: { tier: [`case.upgrade.errors.${key}`] } });

    for (const status of ["COMPLETED", "WITHDRAWN", "REJECTED", "APPROVED"] as const) {
      const closed = await makeCase({ tier: "STANDARD", status, node: "RESULT_NOTIFIED" });
      await expect(attempt(closed, "EXPRESS")).rejects.toBeInstanceOf(TransitionNotAllowedError);
    }
    const unpaid = await makeCase({ tier: "STANDARD", paymentStatus: "UNPAID" });
    await expect(attempt(unpaid, "URGENT")).rejects.toBeInstanceOf(TransitionNotAllowedError);

    const urgent = await makeCase({ tier: "URGENT" });
    await expect(attempt(urgent, "STANDARD")).rejects.toEqual(fieldError("notFaster"));
    await expect(attempt(urgent, "URGENT")).rejects.toEqual(fieldError("notFaster"));
    const express = await makeCase({ tier: "EXPRESS" });
    await expect(attempt(express, "URGENT")).rejects.toBeInstanceOf(TransitionNotAllowedError);

    const noExpress = await makeCase({ tier: "STANDARD", service: noExpressServiceId });
    await expect(attempt(noExpress, "EXPRESS")).rejects.toEqual(fieldError("unavailable"));

    const stranger = await createTestUser("APPLICANT");
    await expect(attempt(urgent, "EXPRESS", stranger)).rejects.toBeInstanceOf(CaseNotFoundError);
    const staff = await createTestUser("SUPERVISOR");
    await expect(attempt(urgent, "EXPRESS", staff)).rejects.toBeInstanceOf(TransitionNotAllowedError);

    expect(provider.calls).toEqual([]);
    expect(await db.tierChange.count({ where: { applicationId: urgent.id } })).toBe(0);
    expect((await stateOf(urgent.id)).application).toMatchObject({ tier: "URGENT", version: 0 });
  });

  it("is not offered again once staff accepted the case as standard", async () => {
    const reviewer = await reviewerOf();
    const application = await makeCase({ tier: "EXPRESS", assignee: reviewer });
    await acceptAsStandard({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: reviewer,
      publicNote: EXPLANATION,
      now: NOW,
    });
    // 12,000 went back, more than the 10,000 fee left: the fee that is left is still paid.
    expect((await stateOf(application.id)).application.paymentStatus).toBe("PAID");
    const provider = countingProvider();
    await expect(
      upgradeTier(
        {
          applicationId: application.id,
          expectedVersion: 1,
          viewer: application.applicant,
          tier: "EXPRESS",
          now: NOW,
        },
        { provider },
      ),
    ).rejects.toEqual(
      expect.objectContaining({ fieldErrors: { tier: ["case.upgrade.errors.acceptedAsStandard"] } }),
    );
    expect(provider.calls).toEqual([]);
  });

  it("changes nothing when the provider leaves the difference pending", async () => {
    const application = await makeCase({ tier: "STANDARD" });
    const pending: PaymentProvider = {
      id: "pending",
      confirm: offlinePaymentProvider().confirm,
      refund: offlinePaymentProvider().refund,
      createPayment: async (request) => ({
        status: "PENDING",
        provider: "counter",
        reference: request.idempotencyKey,
      }),
    };
    await expect(
      upgradeTier(
        {
          applicationId: application.id,
          expectedVersion: 0,
          viewer: application.applicant,
          tier: "URGENT",
          now: NOW,
        },
        { provider: pending },
      ),
    ).rejects.toMatchObject({ messageKey: "case.upgrade.errors.notPaid" });
    const state = await stateOf(application.id);
    expect(state.application).toMatchObject({ tier: "STANDARD", version: 0, feeSurchargeMinor: 0 });
    expect(state.changes).toEqual([]);
  });
});
