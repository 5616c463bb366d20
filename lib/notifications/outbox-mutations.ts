import "server-only";
import { db } from "@/lib/db";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";

/** A claimed outbox row; `attempts` already counts the attempt being made (the fencing token). */
export type ClaimedNotification = {
  id: string;
  channel: Exclude<NotificationChannel, "IN_APP">;
  template: string;
  locale: string;
  payload: unknown;
  toAddress: string | null;
  attempts: number;
};

/**
 * Claims up to `limit` due EMAIL/SMS rows for this worker, in one statement.
 *
 * FOR UPDATE SKIP LOCKED makes concurrent claimers take disjoint rows; setting next_attempt_at to
 * the end of a lease makes the rows not due for anyone else once this commits, without holding a
 * transaction open while we talk to SMTP. If this worker dies, the lease runs out and another
 * worker takes the row again. Counting the attempt here (not after sending) means a message that
 * crashes the worker every time still reaches MAX_ATTEMPTS instead of looping forever.
 */
export async function claimDueNotifications(args: {
  now: Date;
  limit: number;
  leaseMs: number;
}): Promise<ClaimedNotification[]> {
  const leaseUntil = new Date(args.now.getTime() + args.leaseMs);
  return db.$queryRaw<ClaimedNotification[]>`
    UPDATE notification n
       SET attempts = n.attempts + 1, next_attempt_at = ${leaseUntil}
     WHERE n.id IN (
             SELECT id FROM notification
              WHERE status = 'PENDING' AND channel IN ('EMAIL', 'SMS') AND next_attempt_at <= ${args.now}
              ORDER BY next_attempt_at
              LIMIT ${args.limit}
                FOR UPDATE SKIP LOCKED)
 RETURNING n.id::text AS id, n.channel::text AS channel, n.template, n.locale, n.payload,
           n.to_address AS "toAddress", n.attempts`;
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
export async function markNotificationSent(row: ClaimedNotification, now: Date): Promise<boolean> {
  const { count } = await db.notification.updateMany({
    where: { id: row.id, status: "PENDING", attempts: row.attempts },
    data: { status: "SENT", sentAt: now },
  });
  return count === 1;
}

/** Either schedules the next attempt, or (final) gives the message up as FAILED for staff to see. */
export async function recordNotificationFailure(
  row: ClaimedNotification,
  outcome: { lastError: string; final: boolean; nextAttemptAt: Date },
): Promise<boolean> {
  const { count } = await db.notification.updateMany({
    where: { id: row.id, status: "PENDING", attempts: row.attempts },
    data: outcome.final
      ? { status: "FAILED", lastError: outcome.lastError }
      : { nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.lastError },
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
