import "server-only";
import { db } from "@/lib/db";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";
import { INFORMATIONAL_TEMPLATES } from "./templates";

/** A claimed outbox row; `attempts` already counts the attempt being made (the fencing token). */
export type ClaimedNotification = {
  id: string;
  channel: Exclude<NotificationChannel, "IN_APP">;
  template: string;
  locale: string;
  payload: unknown;
  toAddress: string | null;
  attempts: number;
  /** SMS providers that may already have accepted this message (decision 033). */
  uncertainProviders: string[];
};

/** How bursts collapse (decision 027); a quiet window of 0 turns collapsing off. */
export type BurstSettings = { quietWindowMs: number; maxHoldMs: number };

export const NO_COLLAPSE: BurstSettings = { quietWindowMs: 0, maxHoldMs: 0 };

/**
 * Claims up to `limit` due EMAIL/SMS rows for this worker, in one statement.
 *
 * FOR UPDATE SKIP LOCKED makes concurrent claimers take disjoint rows; setting next_attempt_at to
 * the end of a lease makes the rows not due for anyone else once this commits, without holding a
 * transaction open while we talk to SMTP. If this worker dies, the lease runs out and another
 * worker takes the row again. Counting the attempt here (not after sending) means a message that
 * crashes the worker every time still reaches MAX_ATTEMPTS instead of looping forever.
 *
 * An informational message about a case (decision 027) is only taken when it is the newest of its
 * case, recipient and channel, and that conversation has been quiet for the window (or its oldest
 * waiting message has waited the longest hold); older ones are superseded (supersedeOlderMessages).
 */
export async function claimDueNotifications(args: {
  now: Date;
  limit: number;
  leaseMs: number;
  burst?: BurstSettings;
}): Promise<ClaimedNotification[]> {
  const burst = args.burst ?? NO_COLLAPSE;
  const leaseUntil = new Date(args.now.getTime() + args.leaseMs);
  const collapse = burst.quietWindowMs > 0;
  const quietSince = new Date(args.now.getTime() - burst.quietWindowMs);
  const heldSince = new Date(args.now.getTime() - burst.maxHoldMs);
  return db.$queryRaw<ClaimedNotification[]>`
    UPDATE notification n
       SET attempts = n.attempts + 1, next_attempt_at = ${leaseUntil}
     WHERE n.id IN (
             SELECT c.id FROM notification c
              WHERE c.status = 'PENDING' AND c.channel IN ('EMAIL', 'SMS') AND c.next_attempt_at <= ${args.now}
                AND (NOT ${collapse}::boolean
                     OR c.application_id IS NULL
                     OR c.template <> ALL(${INFORMATIONAL_TEMPLATES}::text[])
                     OR (NOT EXISTS (
                           SELECT 1 FROM notification newer
                            WHERE newer.application_id = c.application_id
                              AND newer.recipient_id IS NOT DISTINCT FROM c.recipient_id
                              AND newer.channel = c.channel
                              AND (newer.created_at, newer.id) > (c.created_at, c.id))
                         AND (c.attempts > 0
                              OR c.created_at <= ${quietSince}
                              OR EXISTS (
                                   SELECT 1 FROM notification held
                                    WHERE held.application_id = c.application_id
                                      AND held.recipient_id IS NOT DISTINCT FROM c.recipient_id
                                      AND held.channel = c.channel
                                      AND held.status = 'PENDING' AND held.attempts = 0
                                      AND held.template = ANY(${INFORMATIONAL_TEMPLATES}::text[])
                                      AND held.created_at <= ${heldSince}))))
              ORDER BY c.next_attempt_at
              LIMIT ${args.limit}
                FOR UPDATE SKIP LOCKED)
 RETURNING n.id::text AS id, n.channel::text AS channel, n.template, n.locale, n.payload,
           n.to_address AS "toAddress", n.attempts,
           COALESCE(n.uncertain_providers, '{}') AS "uncertainProviders"`;
}

/**
 * In-app rows need no delivery: they are in the recipient's list from the moment they commit. They
 * are marked SENT in bulk so the PENDING part of the (status, next_attempt_at) index stays the
 * small set of messages still to send. Returns how many were marked.
 */
export async function markInAppDelivered(args: { now: Date; limit: number }): Promise<number> {
  return db.$executeRaw`
    UPDATE notification SET status = 'SENT', sent_at = ${args.now}
     WHERE id IN (
             SELECT id FROM notification
              WHERE status = 'PENDING' AND channel = 'IN_APP' AND next_attempt_at <= ${args.now}
              LIMIT ${args.limit}
                FOR UPDATE SKIP LOCKED)`;
}

/**
 * Fenced by the attempt number: if our lease ran out and another worker re-claimed the row, this
 * changes nothing (and returns false) rather than overwriting the newer attempt's outcome.
 */
export async function markNotificationSent(
  row: ClaimedNotification,
  now: Date,
  receipt: { provider: string; providerMessageId: string | null },
): Promise<boolean> {
  const { count } = await db.notification.updateMany({
    where: { id: row.id, status: "PENDING", attempts: row.attempts },
    data: {
      status: "SENT",
      sentAt: now,
      provider: receipt.provider,
      providerMessageId: receipt.providerMessageId,
    },
  });
  return count === 1;
}

/**
 * Written before an SMS request goes out (decision 033): if this worker dies before it records the
 * outcome, whoever takes the row over sees that the provider may have the message and skips it.
 * Fenced like the rest: a worker whose lease ran out must not send at all.
 */
export async function markProviderAttempt(row: ClaimedNotification, provider: string): Promise<void> {
  const count = await db.$executeRaw`
    UPDATE notification
       SET uncertain_providers = array_append(COALESCE(uncertain_providers, '{}'), ${provider})
     WHERE id = ${row.id}::uuid AND status = 'PENDING' AND attempts = ${row.attempts}`;
  if (count !== 1) throw new Error("the lease ran out before sending; another worker has the message");
}

/**
 * Either schedules the next attempt, or (final) gives the message up as FAILED for staff to see.
 * `uncertainProviders` replaces what markProviderAttempt wrote: the ones that refused outright are
 * off the list again.
 */
export async function recordNotificationFailure(
  row: ClaimedNotification,
  outcome: { lastError: string; final: boolean; nextAttemptAt: Date; uncertainProviders?: readonly string[] },
): Promise<boolean> {
  const uncertainProviders = [...new Set([...row.uncertainProviders, ...(outcome.uncertainProviders ?? [])])];
  const { count } = await db.notification.updateMany({
    where: { id: row.id, status: "PENDING", attempts: row.attempts },
    data: {
      ...(outcome.final
        ? { status: "FAILED", lastError: outcome.lastError }
        : { nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.lastError }),
      uncertainProviders,
    },
  });
  return count === 1;
}

/**
 * The dev mailbox. One row per notification (unique notification_id; a second write of the same
 * notification, e.g. after a crash before it was marked SENT, is ignored), so it is exactly-once.
 */
export async function saveDevMail(mail: {
  notificationId: string;
  channel: "EMAIL" | "SMS";
  toAddress: string;
  subject: string | null;
  text: string;
  html: string | null;
}) {
  await db.devMail.createMany({ data: [mail], skipDuplicates: true });
}
