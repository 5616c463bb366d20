import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { systemNoteColumns } from "@/lib/workflow/system-notes";
import { defaultPaymentProvider } from "./offline-provider";
import type { PaymentProvider, RefundResult } from "./provider";
import type { RefundCause } from "./refund-mutations";

/** A claim lasts this long: an executor that dies mid-call loses it, and another retries the same key. */
export const REFUND_LEASE_MS = 5 * 60_000;
const BATCH_SIZE = 20;
const MINUTE = 60_000;

/** Wait before the next attempt after `attempts` failed ones: 1, 2, 4 … minutes, at most 6 hours. */
export function refundRetryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360) * MINUTE;
}

type ClaimedRefund = {
  id: string;
  application_id: string;
  cause: RefundCause;
  amount_minor: number;
  currency: string;
  idempotency_key: string;
  attempts: number;
  actor_id: string | null;
  number: string;
  payment_reference: string | null;
};

export type RefundRunOptions = {
  now?: Date;
  provider?: PaymentProvider;
  /** Only this case's refunds (the run right after the commit that recorded one). */
  applicationId?: string;
  batchSize?: number;
  onError?: (refundId: string, error: unknown) => void;
};

/**
 * Pays out due PENDING refunds through the provider, outside any transaction: a claim (lease +
 * attempt count, FOR UPDATE SKIP LOCKED) in one statement, the provider call with the refund's
 * idempotency key, then the outcome in a transaction fenced by the attempt count. Two executors at
 * once never claim the same row; one whose lease lapsed mid-call loses the fence, and the provider
 * has already seen the key of whoever completes it.
 */
export async function executePendingRefunds(
  options: RefundRunOptions = {},
): Promise<{ done: number; retrying: number }> {
  const now = options.now ?? new Date();
  const provider = options.provider ?? defaultPaymentProvider(() => now);
  const claimed = await claimDueRefunds(now, options.applicationId ?? null, options.batchSize ?? BATCH_SIZE);
  const outcome = { done: 0, retrying: 0 };
  for (const refund of claimed) {
    let result: RefundResult;
    try {
      result = await provider.refund({
        idempotencyKey: refund.idempotency_key,
        amountMinor: refund.amount_minor,
        currency: refund.currency,
        paymentReference: refund.payment_reference,
        description: refund.number,
      });
    } catch (error) {
      options.onError?.(refund.id, error);
      await scheduleRetry(refund, now, error);
      outcome.retrying++;
      continue;
    }
    if (await completeRefund(refund, result, now)) outcome.done++;
  }
  return outcome;
}

/**
 * Right after the commit that recorded a case's refund: pays it out at once, so the applicant sees
 * it on the next page. Never throws (the cause is committed whatever happens here); a failure
 * leaves the refund PENDING for the worker's next run (crontab "execute-refunds").
 */
export async function payOutAfterCommit(applicationId: string, now: Date): Promise<void> {
  try {
    await executePendingRefunds({
      applicationId,
      now,
      onError: (refundId, error) =>
        logger().warn({ err: error, event: "refund", refundId }, "refund failed, the worker retries it"),
    });
  } catch (error) {
    logger().warn(
      { err: error, event: "refund", applicationId },
      "refund not paid out, the worker retries it",
    );
  }
}

async function claimDueRefunds(now: Date, applicationId: string | null, limit: number) {
  const leaseUntil = new Date(now.getTime() + REFUND_LEASE_MS);
  return db.$queryRaw<ClaimedRefund[]>`
    WITH claimed AS (
      UPDATE refund SET lease_until = ${leaseUntil}, attempts = attempts + 1
       WHERE id IN (SELECT id FROM refund
                     WHERE status = 'PENDING' AND next_attempt_at <= ${now}
                       AND (lease_until IS NULL OR lease_until <= ${now})
                       AND (${applicationId}::uuid IS NULL OR application_id = ${applicationId}::uuid)
                     ORDER BY next_attempt_at, id
                     LIMIT ${limit}
                       FOR UPDATE SKIP LOCKED)
         AND status = 'PENDING'
      RETURNING id, application_id, cause, amount_minor, currency, idempotency_key, attempts, actor_id)
    SELECT c.id::text, c.application_id::text, c.cause::text AS cause, c.amount_minor, c.currency,
           c.idempotency_key, c.attempts, c.actor_id::text, a.number, a.payment_reference
      FROM claimed c JOIN application a ON a.id = c.application_id
     ORDER BY c.id`;
}

async function scheduleRetry(refund: ClaimedRefund, now: Date, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  await db.refund.updateMany({
    where: { id: refund.id, status: "PENDING", attempts: refund.attempts },
    data: {
      leaseUntil: null,
      lastError: message.slice(0, 500),
      nextAttemptAt: new Date(now.getTime() + refundRetryDelayMs(refund.attempts)),
    },
  });
}

/**
 * The outcome, once: the refund row (fenced by the attempt that made the call), then the case's
 * summary columns (refundedMinor is the sum of its completed refunds; the fee counts as REFUNDED
 * once all of it went back), the timeline, the audit log and the applicant's notice. The case's
 * version is left alone: this changes no workflow state, so nobody's open page goes stale.
 */
async function completeRefund(refund: ClaimedRefund, result: RefundResult, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.refund.updateMany({
      where: { id: refund.id, status: "PENDING", attempts: refund.attempts },
      data: {
        status: "DONE",
        provider: result.provider,
        reference: result.reference,
        completedAt: result.refundedAt,
        leaseUntil: null,
        lastError: null,
      },
    });
    if (count !== 1) return false;
    const [application] = await tx.$queryRaw<
      { current_node: string; locale: string; email: string; applicant_id: string; refunded: number }[]
    >`
      UPDATE application a
         SET refunded_minor = s.total, refunded_at = ${result.refundedAt},
             payment_status = CASE WHEN a.payment_status = 'PAID' AND s.of_fee >= a.fee_base_minor + a.fee_surcharge_minor
                                   THEN 'REFUNDED'::payment_status ELSE a.payment_status END
        -- A downgrade's refund already lowered the fee columns (decision 032): it is not part of what is left.
        FROM (SELECT COALESCE(sum(amount_minor), 0)::int AS total,
                     COALESCE(sum(amount_minor) FILTER (WHERE cause <> 'DOWNGRADED'), 0)::int AS of_fee FROM refund
               WHERE application_id = ${refund.application_id}::uuid AND status = 'DONE') s
       WHERE a.id = ${refund.application_id}::uuid
      RETURNING a.current_node::text, a.locale, a.email, a.applicant_id::text, s.total AS refunded`;
    if (!application) return false;
    const details = {
      number: refund.number,
      cause: refund.cause,
      amountMinor: refund.amount_minor,
      currency: refund.currency,
      provider: result.provider,
      reference: result.reference,
    };
    // A supervisor's refund left its own timeline entry (with the reason) when it was decided.
    if (refund.cause !== "MANUAL")
      await tx.timelineEvent.create({
        data: {
          applicationId: refund.application_id,
          node: application.current_node as never,
          action: "REFUND_RECORDED",
          actorId: null,
          ...systemNoteColumns({ key: "refunded", params: { cause: refund.cause } }),
          occurredAt: now,
        },
      });
    await recordAudit(tx, {
      actorId: null,
      action: "payment.refunded",
      entityType: "application",
      entityId: refund.application_id,
      details,
      createdAt: now,
    });
    const common = {
      recipientId: application.applicant_id,
      applicationId: refund.application_id,
      template: "payment.refunded",
      locale: application.locale,
      payload: { number: refund.number },
      nextAttemptAt: now,
      createdAt: now,
    };
    await tx.notification.createMany({
      data: [
        { ...common, channel: "IN_APP" },
        { ...common, channel: "EMAIL", toAddress: application.email },
      ],
    });
    return true;
  });
}
