"use server";

import { revalidatePath } from "next/cache";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { rateCase } from "./mutations";
import { rateServiceSchema } from "./schema";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

/** The applicant rates a completed case, once. */
export async function rateService(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ rating: number }>> {
  if (!isFormData(formData)) return malformedRequest();
  const user = await getCurrentUser();
  if (!user) return failure("errors.notAuthorized");
  const parsed = rateServiceSchema.safeParse({
    applicationId: formData.get("applicationId"),
    rating: formData.get("rating") ?? undefined,
    comment: formData.get("comment") ?? undefined,
  });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { number } = await rateCase({ ...parsed.data, viewer: user });
    revalidatePath(`/portal/applications/${number}`);
    return { ok: true, data: { rating: parsed.data.rating } };
  } catch (error) {
    if (error instanceof UserFacingError) return failure(error.messageKey, error.fieldErrors);
    throw error;
  }
}
