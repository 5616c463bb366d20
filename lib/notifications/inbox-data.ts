import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { displayPayload, inboxLink } from "./inbox-links";
import { INBOX_PAGE_SIZE } from "./inbox-schema";
import { renderNotification } from "./render";
import { TemplateError } from "./templates";

// In-app notifications are the IN_APP rows of the outbox. The worker marks those SENT in bulk, so
// the inbox goes by recipient and read_at only, never by status. Every query filters on the
// viewer's own id: nobody reads, or learns of, anyone else's notifications.

function assertSignedIn(viewer: Viewer | null | undefined): asserts viewer is Viewer {
  if (!viewer) throw new NotAuthorizedError();
}

/** For the header's bell (partial index on unread rows). */
export async function countUnread(viewer: Viewer): Promise<number> {
  assertSignedIn(viewer);
  return db.notification.count({ where: { recipientId: viewer.id, channel: "IN_APP", readAt: null } });
}

export type InboxItem = {
  id: string;
  /** Null when the row cannot be rendered any more (a template since removed): shown generically. */
  title: string | null;
  body: string | null;
  link: string | null;
  read: boolean;
  createdAt: Date;
};

/**
 * One page of the viewer's notifications, newest first, rendered in `locale` (the language the
 * viewer reads the site in now; by default the row's own, chosen when it was queued).
 */
export async function listNotifications(viewer: Viewer, { page, locale }: { page: number; locale?: string }) {
  assertSignedIn(viewer);
  const rows = await db.notification.findMany({
    where: { recipientId: viewer.id, channel: "IN_APP" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE + 1,
    select: { id: true, template: true, locale: true, payload: true, readAt: true, createdAt: true },
  });
  const items = rows.slice(0, INBOX_PAGE_SIZE).map((row): InboxItem => {
    const texts = renderSafely(row.template, locale ?? row.locale, row.payload);
    return {
      id: row.id,
      ...texts,
      link: inboxLink(viewer.role, row.payload),
      read: row.readAt !== null,
      createdAt: row.createdAt,
    };
  });
  return { items, hasMore: rows.length > INBOX_PAGE_SIZE };
}

function renderSafely(
  template: string,
  locale: string,
  payload: unknown,
): { title: string | null; body: string | null } {
  try {
    const { title, body } = renderNotification({
      template,
      locale,
      payload: displayPayload(payload),
      appUrl: "",
      timeZone: serverEnv().ROTA_TIME_ZONE,
    });
    return { title, body };
  } catch (error) {
    // One unrenderable row must not take the whole list down with it.
    if (error instanceof TemplateError) return { title: null, body: null };
    throw error;
  }
}
