"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { canAccess } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { createApplication } from "./mutations";
import { applicationFormDataToObject, applicationSchema } from "./schema";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

/**
 * Files an application and goes to its confirmation page. Safe to call again with the same
 * submissionKey (double click, retry, back button): it lands on the same application.
 */
export async function submitApplication(_previous: unknown, formData: FormData): Promise<ActionResult> {
  if (!isFormData(formData)) return malformedRequest();
  const user = await getCurrentUser();
  if (!user || !canAccess(user.role, "portal")) return failure("errors.notAuthorized");
  const parsed = applicationSchema.safeParse(applicationFormDataToObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);

  let number: string;
  try {
    // Authorization, catalog checks and evidence ownership are re-checked inside the mutation.
    ({ number } = await createApplication(user, parsed.data, { ip: clientIpFromHeaders(await headers()) }));
  } catch (error) {
    if (error instanceof UserFacingError) return failure(error.messageKey, error.fieldErrors);
    throw error;
  }
  revalidatePath("/portal");
  redirect(`/portal/applications/${number}/confirmation`);
}
