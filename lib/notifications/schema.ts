import { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";

export const MAILBOX_PAGE_SIZE = 25;

const pageNumber = z.coerce.number().int().min(1).max(10_000).catch(1);

/** /console/mailbox?page=2&failed=1 — the mailbox's page and the failed list's page, separately. */
export const mailboxQuerySchema = z.object({ page: pageNumber, failed: pageNumber });

export type MailboxQuery = z.infer<typeof mailboxQuerySchema>;

export const retryNotificationSchema = z.object({ notificationId: z.uuid("errors.checkFields") });

/** Who may put a failed message back into the queue (reviewers see the list, supervisors act on it). */
export function canRetryNotifications(role: Role): boolean {
  return role === "SUPERVISOR" || role === "ADMIN";
}
