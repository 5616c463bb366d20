import "server-only";
import { quoteFee } from "@/lib/catalog/fees";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  passedMaterialCheck,
  refundOnClosing,
  type ClosingRefund,
  type ClosingRefundInput,
} from "./refund-policy";
import { pausedMinutesOf } from "@/lib/workflow/supplement-deadline";

type Tx = Prisma.TransactionClient;

/**
 * Why money goes back (the refund table's cause; one refund per case and cause, decision 031).
 * MANUAL is a supervisor's refund from the workspace.
 */
export type RefundCause = "MISSED_PROMISE" | "WITHDRAWN" | "DOWNGRADED" | "WAIVED" | "MANUAL";

export type RefundRequestInput = {
  applicationId: string;
  cause: RefundCause;
  amountMinor: number;
  /** Who caused it; null for the system. */
  actorId: string | null;
  now: Date;
};

/** The key the provider sees on every attempt of this refund: one per case and cause. */
export function refundIdempotencyKey(applicationId: string, cause: RefundCause): string {
  return `refund:${applicationId}:${cause}`;
}

/**
 * Records a refund PENDING inside the caller's transaction, beside its cause: it commits or rolls
 * back with it. No provider call here (that would hold the case's locks through a network call);
 * the executor (refund-execution-mutations.ts) pays it out after commit, or the worker does.
 *
 * Idempotent: a second request for the same case and cause (a retry, a concurrent trigger) finds
 * the first one's row (UNIQUE(application_id, cause)) and creates nothing. A zero amount, or a case
 * whose fee is not paid (unpaid, waived, already refunded), creates nothing either.
 */
export async function requestRefund(tx: Tx, input: RefundRequestInput): Promise<{ created: boolean }> {
  const { applicationId, cause, amountMinor, actorId, now } = input;
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0)
    throw new RangeError("amountMinor must be a non-negative integer");
  if (amountMinor === 0) return { created: false };
  // FOR UPDATE: the payment status read here holds until the caller commits (a waiver or a manual
  // refund changing it waits), and a concurrent request for the same cause queues behind this one.
  const cases = await tx.$queryRaw<{ payment_status: string; currency: string }[]>`
    SELECT payment_status::text, currency FROM application WHERE id = ${applicationId}::uuid FOR UPDATE`;
  const application = cases[0];
  if (!application || application.payment_status !== "PAID") return { created: false };
  const inserted = await tx.$executeRaw`
    INSERT INTO refund (application_id, cause, amount_minor, currency, idempotency_key, actor_id,
                        next_attempt_at, requested_at)
    VALUES (${applicationId}::uuid, ${cause}::refund_cause, ${amountMinor}, ${application.currency},
            ${refundIdempotencyKey(applicationId, cause)}, ${actorId}::uuid, ${now}, ${now})
    ON CONFLICT (application_id, cause) DO NOTHING`;
  return { created: inserted === 1 };
}

/**
 * The automatic refund of a case that is closing in the caller's transaction (decided or
 * withdrawn), by the refund rules (refundOnClosing): the surcharge when the tier's promise was
 * missed, everything when withdrawn before the material check. Call it after the case row is
 * locked; the time still being waited for the applicant does not count against the promise.
 */
export async function requestClosingRefund(
  tx: Tx,
  input: {
    applicationId: string;
    status: ClosingRefundInput["status"];
    actorId: string | null;
    now: Date;
  },
): Promise<{ created: boolean; refund: ClosingRefund | null }> {
  const { applicationId, status, actorId, now } = input;
  const application = await tx.application.findUnique({
    where: { id: applicationId },
    select: { feeBaseMinor: true, feeSurchargeMinor: true, caseDueAt: true },
  });
  if (!application) return { created: false, refund: null };
  const [events, waiting] = await Promise.all([
    tx.timelineEvent.findMany({ where: { applicationId }, select: { node: true } }),
    tx.supplementRequest.findFirst({
      where: { applicationId, status: "OPEN" },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, extendedAt: true, dueAt: true },
    }),
  ]);
  // A wait still running is the applicant's only up to the request's due time (decision 034): the
  // same count the supplement's answer or staff's lapse actions bank into pausedMinutes.
  const waitedMinutes = waiting
    ? pausedMinutesOf({ setAt: waiting.extendedAt ?? waiting.createdAt, dueAt: waiting.dueAt, now })
    : 0;
  const refund = refundOnClosing({
    status,
    fee: quoteFee({ baseFeeMinor: application.feeBaseMinor, surchargeMinor: application.feeSurchargeMinor }),
    materialCheckDone: passedMaterialCheck(events.map((event) => event.node)),
    caseDueAt: application.caseDueAt,
    closedAt: now,
    waitingSince: waiting ? new Date(now.getTime() - waitedMinutes * 60_000) : null,
  });
  if (!refund) return { created: false, refund: null };
  const { created } = await requestRefund(tx, {
    applicationId,
    cause: refund.cause,
    amountMinor: refund.amountMinor,
    actorId,
    now,
  });
  return { created, refund };
}
