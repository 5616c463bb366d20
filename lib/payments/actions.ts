"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { normalizeApplicationNumber } from "@/lib/applications/application-number";
import { canAccess } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { payApplication, type PaymentOutcome } from "./mutations";
import { paySchema } from "./schema";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

/** Pays (or asks to pay at the counter) for one of the viewer's own applications. */
export async function payForApplication(_previous: unknown, formData: FormData): Promise<ActionResult> {
  if (!isFormData(formData)) return malformedRequest();
  const user = await getCurrentUser();
  if (!user || !canAccess(user.role, "portal")) return failure("errors.notAuthorized");
  const parsed = paySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);

  let result: PaymentOutcome;
  try {
    // Ownership is the mutation's filter: another applicant's number is simply not found.
    const number = normalizeApplicationNumber(parsed.data.number);
    result = await payApplication(
      user,
      { number, method: parsed.data.method },
      { ip: clientIpFromHeaders(await headers()) },
    );
  } catch (error) {
    if (error instanceof UserFacingError) return failure(error.messageKey, error.fieldErrors);
    throw error;
  }
  const base = `/portal/applications/${result.number}`;
  revalidatePath(base, "layout");
  revalidatePath("/portal");
  redirect(result.outcome === "pending" ? `${base}/pay` : `${base}/receipt`);
}
