import "server-only";
import { tierPriority, type UrgencyTier } from "@/lib/catalog/tiers";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { defaultPaymentProvider } from "@/lib/payments/offline-provider";
import { executePendingRefunds } from "@/lib/payments/refund-execution-mutations";
import { requestRefund } from "@/lib/payments/refund-mutations";
import type { PaymentProvider } from "@/lib/payments/provider";
import { TransitionRequirementError } from "./errors";
import { applyOperation, type OperationArgs, type OperationOutcome } from "./operation-mutations";
import type { LockedCase, Tx } from "./shared-mutations";
import { tierChangedNote } from "./system-notes";
import {
  retimeAsStandard,
  retimeForUpgrade,
  surchargeChange,
  upgradeIdempotencyKey,
  type Retimed,
  type TimedCase,
} from "./tier-change";

// Tier changes after submission (issue 16, decision 032). Both go through applyOperation: the case
// is locked, the caller's version compared and the operation table (operations.ts) checked before
// anything is written or charged.

const TIER_TARGETS = {
  surchargeMinor: true,
  processingHours: true,
  available: true,
  nodeTargets: { select: { node: true, targetMinutes: true } },
} as const;

/** The clock columns of the locked case (lockCase reads only what the workflow tables need). */
async function timingOf(tx: Tx, row: LockedCase): Promise<TimedCase> {
  return tx.application.findUniqueOrThrow({
    where: { id: row.id },
    select: {
      currentNode: true,
      status: true,
      submittedAt: true,
      nodeEnteredAt: true,
      nodeDueAt: true,
      caseDueAt: true,
      pausedMinutes: true,
      slaWarnedAt: true,
      slaEscalatedAt: true,
    },
  });
}

const retimedPatch = (retimed: Retimed) => ({
  nodeDueAt: retimed.nodeDueAt,
  caseDueAt: retimed.caseDueAt,
  slaWarnedAt: retimed.slaWarnedAt,
  slaEscalatedAt: retimed.slaEscalatedAt,
});

export type TierChangeOutcome = OperationOutcome & { differenceMinor: number };

/**
 * "Accept as standard": staff judge the request not urgent enough. The case moves to the service's
 * standard tier, is re-timed from its submission (tier-change.ts), and its surcharge drops to the
 * standard one; of a paid case the difference is refunded in the same transaction (an unpaid case
 * simply owes less). `publicNote` is the explanation the applicant reads; required.
 */
export async function acceptAsStandard(
  args: OperationArgs & { publicNote: string; internalNote?: string },
): Promise<TierChangeOutcome> {
  const now = args.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const refund = { amountMinor: 0 };
    const outcome = await applyOperation(tx, "ACCEPT_AS_STANDARD", { ...args, now }, async (row) => {
      if (!args.publicNote?.trim())
        throw new TransitionRequirementError({ publicNote: ["workspace.errors.explanationRequired"] });
      const standard = await tx.serviceTier.findUnique({
        where: { serviceId_tier: { serviceId: row.service_id, tier: "STANDARD" } },
        select: TIER_TARGETS,
      });
      if (!standard) throw new TransitionRequirementError({ tier: ["workspace.errors.noStandardTier"] });
      const retimed = retimeAsStandard(await timingOf(tx, row), standard, now);
      const fee = surchargeChange(row.fee_surcharge_minor, standard.surchargeMinor, "down");
      const refundMinor = row.payment_status === "PAID" ? fee.differenceMinor : 0;
      refund.amountMinor = refundMinor;
      await tx.tierChange.create({
        data: {
          applicationId: row.id,
          fromTier: row.tier,
          toTier: "STANDARD",
          amountMinor: refundMinor,
          currency: row.currency,
          actorId: args.viewer.id,
          createdAt: now,
        },
      });
      return {
        patch: { tier: "STANDARD", feeSurchargeMinor: fee.surchargeMinor, ...retimedPatch(retimed) },
        publicNote: args.publicNote,
        internalNote: args.internalNote ?? null,
        systemNote: tierChangedNote(row.tier, "STANDARD"),
        dueAt: retimed.nodeDueAt,
        auditDetails: {
          from: row.tier,
          to: "STANDARD",
          amountMinor: refundMinor,
          currency: row.currency,
          caseDueAt: retimed.caseDueAt.toISOString(),
        },
        applicantNotice: "case.acceptedAsStandard",
        applicantNoticeExtra: { expectedAt: retimed.caseDueAt.toISOString() },
      };
    });
    if (refund.amountMinor > 0)
      await refundDowngrade(tx, outcome.applicationId, refund.amountMinor, args.viewer.id, now);
    return { ...outcome, differenceMinor: refund.amountMinor };
  });
  // Paid out right after the commit; whatever fails here the worker retries (refund-execution-mutations.ts).
  if (result.differenceMinor > 0)
    await executePendingRefunds({ applicationId: result.applicationId, now }).catch(() => undefined);
  return result;
}

/**
 * The downgrade's refund (lib/payments, cause DOWNGRADED), in the transaction of the tier change and
 * after it, so it commits or rolls back with it. One refund per case and cause: a case is accepted
 * as standard at most once (tier_change is unique per case and target tier, and no upgrade follows).
 */
async function refundDowngrade(
  tx: Tx,
  applicationId: string,
  amountMinor: number,
  actorId: string,
  now: Date,
) {
  await requestRefund(tx, { applicationId, cause: "DOWNGRADED", amountMinor, actorId, now });
}

/** Refused upgrades say why, on the tier field. */
function tierProblem(key: string): never {
  throw new TransitionRequirementError({ tier: [`case.upgrade.errors.${key}`] });
}

/**
 * The applicant moves their paid, undecided case to a faster tier the service offers, paying the
 * surcharge difference online. The provider is asked inside the case's transaction, after the lock
 * and the version check, with one idempotency key per case and target tier: of two clicks the second
 * waits for the first and is then refused as a concurrent change, and a retry after a failure after
 * the charge gets the same payment back instead of a second charge (decision 032). The case is
 * re-timed from the moment of payment. A difference the provider leaves pending is refused: nothing
 * changes until the money is there.
 */
export async function upgradeTier(
  args: OperationArgs & { tier: UrgencyTier },
  options: { provider?: PaymentProvider } = {},
): Promise<TierChangeOutcome> {
  const now = args.now ?? new Date();
  const provider = options.provider ?? defaultPaymentProvider();
  let differenceMinor = 0;
  const outcome = await db.$transaction(
    (tx) =>
      applyOperation(tx, "UPGRADE_TIER", { ...args, now }, async (row) => {
        if (tierPriority(args.tier) <= tierPriority(row.tier)) tierProblem("notFaster");
        const target = await tx.serviceTier.findUnique({
          where: { serviceId_tier: { serviceId: row.service_id, tier: args.tier } },
          select: TIER_TARGETS,
        });
        if (!target?.available) tierProblem("unavailable");
        // Staff judged it not urgent: buying the tier back would undo their decision.
        const accepted = await tx.tierChange.count({ where: { applicationId: row.id, toTier: "STANDARD" } });
        if (accepted > 0) tierProblem("acceptedAsStandard");
        const fee = surchargeChange(row.fee_surcharge_minor, target.surchargeMinor, "up");
        const payment =
          fee.differenceMinor > 0
            ? await provider.createPayment({
                idempotencyKey: upgradeIdempotencyKey(row.id, args.tier),
                amountMinor: fee.differenceMinor,
                currency: row.currency,
                method: "online",
                description: row.number,
              })
            : null;
        if (payment && payment.status !== "PAID") throw new UserFacingError("case.upgrade.errors.notPaid");
        differenceMinor = fee.differenceMinor;
        const retimed = retimeForUpgrade(await timingOf(tx, row), target, now);
        await tx.tierChange.create({
          data: {
            applicationId: row.id,
            fromTier: row.tier,
            toTier: args.tier,
            amountMinor: fee.differenceMinor,
            currency: row.currency,
            paymentProvider: payment?.provider ?? null,
            paymentReference: payment?.reference ?? null,
            actorId: args.viewer.id,
            createdAt: now,
          },
        });
        return {
          patch: { tier: args.tier, feeSurchargeMinor: fee.surchargeMinor, ...retimedPatch(retimed) },
          systemNote: tierChangedNote(row.tier, args.tier),
          dueAt: retimed.nodeDueAt,
          auditDetails: {
            from: row.tier,
            to: args.tier,
            amountMinor: fee.differenceMinor,
            currency: row.currency,
            reference: payment?.reference ?? null,
            caseDueAt: retimed.caseDueAt.toISOString(),
          },
          applicantNotice: "case.tierUpgraded",
          applicantNoticeExtra: { expectedAt: retimed.caseDueAt.toISOString() },
        };
      }),
    // The provider answers inside the transaction; a gateway may take a few seconds.
    { timeout: 20_000 },
  );
  return { ...outcome, differenceMinor };
}
