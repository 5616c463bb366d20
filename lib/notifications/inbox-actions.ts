"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { markAllRead, markRead } from "./inbox-mutations";
import { notificationIdSchema } from "./inbox-schema";

const INBOX_PATH = "/notifications";

// The unread count is in the header of every page (the root layout): refresh the layout, not one page.
function refreshEverywhere() {
  revalidatePath("/", "layout");
}

const notificationId = (formData: FormData) => ({ notificationId: formData.get("notificationId") });

/** Marks one of the viewer's notifications read. Anyone else's id changes nothing and answers the same. */
export const markNotificationRead = formAction({
  name: "notifications.markRead",
  access: "signedIn",
  schema: notificationIdSchema,
  fields: notificationId,
  run: async ({ viewer, data }) => {
    await markRead(viewer, data.notificationId);
    refreshEverywhere();
    return { id: data.notificationId };
  },
});

export const markAllNotificationsRead = formAction({
  name: "notifications.markAllRead",
  access: "signedIn",
  schema: z.object({}),
  fields: () => ({}),
  run: async ({ viewer }) => {
    const count = await markAllRead(viewer);
    refreshEverywhere();
    return { count };
  },
});

const open = formAction({
  name: "notifications.open",
  access: "anyone",
  // A malformed id marks nothing and still lands on the inbox.
  schema: notificationIdSchema.catch({ notificationId: "" }),
  fields: notificationId,
  run: async ({ viewer, data }) => {
    if (!viewer) return `/signin?callbackUrl=${encodeURIComponent(INBOX_PATH)}`;
    const result = data.notificationId ? await markRead(viewer, data.notificationId) : null;
    refreshEverywhere();
    return result?.link ?? INBOX_PATH;
  },
  redirectTo: (target) => target,
});

/**
 * Opening a notification: marks it read, then goes to its case. A form action rather than a link
 * that marks on GET, so prefetching or a link from another site never marks anything. The target
 * comes from the stored row, never from the request.
 */
export async function openNotification(formData: FormData): Promise<void> {
  await open(null, formData);
}
