import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import { inboxLink } from "./inbox-links";

// Marking read touches only the viewer's own IN_APP rows. Someone else's id, an unknown id and a
// malformed one all end the same way: nothing changes and the answer is the same.

function assertSignedIn(viewer: Viewer | null | undefined): asserts viewer is Viewer {
  if (!viewer) throw new NotAuthorizedError();
}

/**
 * Marks one notification read (keeping the first reading time) and says where it leads; null when it
 * is not the viewer's. One statement, so there is nothing to race.
 */
export async function markRead(
  viewer: Viewer,
  notificationId: string,
  now = new Date(),
): Promise<{ link: string | null } | null> {
  assertSignedIn(viewer);
  if (!z.uuid().safeParse(notificationId).success) return null;
  const rows = await db.$queryRaw<{ payload: unknown }[]>`
    UPDATE notification SET read_at = COALESCE(read_at, ${now}::timestamptz)
     WHERE id = ${notificationId}::uuid AND recipient_id = ${viewer.id}::uuid AND channel = 'IN_APP'
    RETURNING payload`;
  const row = rows[0];
  return row ? { link: inboxLink(viewer.role, row.payload) } : null;
}

/** Every unread notification of the viewer; how many there were. */
export async function markAllRead(viewer: Viewer, now = new Date()): Promise<number> {
  assertSignedIn(viewer);
  const { count } = await db.notification.updateMany({
    where: { recipientId: viewer.id, channel: "IN_APP", readAt: null },
    data: { readAt: now },
  });
  return count;
}
