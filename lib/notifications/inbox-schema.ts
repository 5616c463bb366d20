import { z } from "zod";

export const INBOX_PAGE_SIZE = 25;

/** /notifications?page=2; anything else is page 1. */
export const inboxQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export const notificationIdSchema = z.object({ notificationId: z.uuid("errors.checkFields") });
