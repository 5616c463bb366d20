import "server-only";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { MAILBOX_PAGE_SIZE } from "./schema";

/** "smtp": email leaves the system; "dev": it lands in the dev mailbox. */
export function deliveryMode(viewer: Viewer): "smtp" | "dev" {
  assertArea(viewer, "console");
  return serverEnv().SMTP_URL ? "smtp" : "dev";
}

/** One page of the dev mailbox, newest first (index on created_at DESC). */
export async function listDevMail(viewer: Viewer, page: number) {
  assertArea(viewer, "console");
  const rows = await db.devMail.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * MAILBOX_PAGE_SIZE,
    take: MAILBOX_PAGE_SIZE + 1,
    select: {
      id: true,
      channel: true,
      toAddress: true,
      subject: true,
      text: true,
      html: true,
      createdAt: true,
    },
  });
  return { items: rows.slice(0, MAILBOX_PAGE_SIZE), hasMore: rows.length > MAILBOX_PAGE_SIZE };
}

/**
 * Messages given up, newest first, for staff to see and retry. The payload is not selected: the
 * template and the address say enough, and the list stays free of case detail.
 */
export async function listFailedNotifications(viewer: Viewer, page: number) {
  assertArea(viewer, "console");
  const rows = await db.notification.findMany({
    where: { status: "FAILED" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * MAILBOX_PAGE_SIZE,
    take: MAILBOX_PAGE_SIZE + 1,
    select: {
      id: true,
      channel: true,
      template: true,
      toAddress: true,
      attempts: true,
      lastError: true,
      createdAt: true,
    },
  });
  return { items: rows.slice(0, MAILBOX_PAGE_SIZE), hasMore: rows.length > MAILBOX_PAGE_SIZE };
}

export type DevMailItem = Awaited<ReturnType<typeof listDevMail>>["items"][number];
export type FailedNotificationItem = Awaited<ReturnType<typeof listFailedNotifications>>["items"][number];
