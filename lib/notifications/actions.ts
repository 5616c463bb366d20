"use server";

import { revalidatePath } from "next/cache";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { retryFailedNotification } from "./mutations";
import { canRetryNotifications, retryNotificationSchema } from "./schema";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

/** A supervisor or admin puts a failed message back into the queue (audited by the mutation). */
export async function retryNotification(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  if (!isFormData(formData)) return malformedRequest();
  const user = await getCurrentUser();
  if (!user || !canRetryNotifications(user.role)) return failure("errors.notAuthorized");
  const parsed = retryNotificationSchema.safeParse({ notificationId: formData.get("notificationId") });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const result = await retryFailedNotification(user, parsed.data.notificationId);
    revalidatePath("/console/mailbox");
    return { ok: true, data: result };
  } catch (error) {
    if (error instanceof UserFacingError) return failure(error.messageKey, error.fieldErrors);
    throw error;
  }
}
