"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { retryFailedNotification } from "./mutations";
import { canRetryNotifications, retryNotificationSchema } from "./schema";

/** A supervisor or admin puts a failed message back into the queue (audited by the mutation). */
export const retryNotification = formAction({
  name: "notifications.retry",
  access: (viewer) => canRetryNotifications(viewer.role),
  schema: retryNotificationSchema,
  fields: (formData) => ({ notificationId: formData.get("notificationId") }),
  run: async ({ viewer, data }) => {
    const result = await retryFailedNotification(viewer, data.notificationId);
    revalidatePath("/console/mailbox");
    return result;
  },
});
