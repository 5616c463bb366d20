import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/mutations";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotAuthorizedError, UserFacingError } from "@/lib/errors";
import { canRetryNotifications } from "./schema";

export const NOT_FAILED = "notifications.mailbox.errors.notFound";

/**
 * Puts a FAILED message back into the queue, due now. Attempts are kept, so the record shows the
 * whole history and a message at the limit gets one more try rather than a fresh series. The row
 * is locked so two supervisors retrying at once produce one retry (and one audit row).
 */
export async function retryFailedNotification(
  viewer: Viewer,
  notificationId: string,
  now = new Date(),
): Promise<{ id: string }> {
  assertArea(viewer, "console");
  if (!canRetryNotifications(viewer.role)) throw new NotAuthorizedError();
  if (!z.uuid().safeParse(notificationId).success) throw new UserFacingError(NOT_FAILED);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      {
        id: string;
        template: string;
        channel: string;
        attempts: number;
        application_id: string | null;
        uncertain_providers: string[] | null;
      }[]
    >`
      SELECT id::text, template, channel::text, attempts, application_id::text, uncertain_providers
        FROM notification
       WHERE id = ${notificationId}::uuid AND status = 'FAILED'
         FOR UPDATE`;
    const row = rows[0];
    if (!row) throw new UserFacingError(NOT_FAILED);
    // A supervisor's retry sends again even through a provider that may have accepted it after a
    // timeout (decision 033): they decide a possible second copy beats none; the audit row says so.
    await tx.notification.update({
      where: { id: row.id },
      data: { status: "PENDING", nextAttemptAt: now, uncertainProviders: [] },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "notification.retried",
      entityType: "notification",
      entityId: row.id,
      // No address: the audit log outlives the message and needs no personal data to make sense.
      details: {
        template: row.template,
        channel: row.channel,
        attempts: row.attempts,
        applicationId: row.application_id,
        uncertainProviders: row.uncertain_providers ?? [],
      },
      createdAt: now,
    });
    return { id: row.id };
  });
}
