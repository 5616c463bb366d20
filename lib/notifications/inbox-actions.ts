"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { markAllRead, markRead } from "./inbox-mutations";
import { notificationIdSchema } from "./inbox-schema";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

const INBOX_PATH = "/notifications";

// The unread count is in the header of every page (the root layout): refresh the layout, not one page.
function refreshEverywhere() {
  revalidatePath("/", "layout");
}

/** Marks one of the viewer's notifications read. Anyone else's id changes nothing and answers the same. */
export async function markNotificationRead(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  if (!isFormData(formData)) return malformedRequest();
  const user = await getCurrentUser();
  if (!user) return failure("errors.notAuthorized");
  const parsed = notificationIdSchema.safeParse({ notificationId: formData.get("notificationId") });
  if (!parsed.success) return invalidInput(parsed.error);
  await markRead(user, parsed.data.notificationId);
  refreshEverywhere();
  return { ok: true, data: { id: parsed.data.notificationId } };
}

export async function markAllNotificationsRead(
  _previous: unknown,
  _formData: FormData,
): Promise<ActionResult<{ count: number }>> {
  const user = await getCurrentUser();
  if (!user) return failure("errors.notAuthorized");
  const count = await markAllRead(user);
  refreshEverywhere();
  return { ok: true, data: { count } };
}

/**
 * Opening a notification: marks it read, then goes to its case. A form action rather than a link
 * that marks on GET, so prefetching or a link from another site never marks anything. The target
 * comes from the stored row, never from the request.
 */
export async function openNotification(formData: FormData): Promise<void> {
  if (!isFormData(formData)) return;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(INBOX_PATH)}`);
  const parsed = notificationIdSchema.safeParse({ notificationId: formData.get("notificationId") });
  const result = parsed.success ? await markRead(user, parsed.data.notificationId) : null;
  refreshEverywhere();
  redirect(result?.link ?? INBOX_PATH);
}
