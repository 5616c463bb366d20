"use server";

import { getLocale } from "next-intl/server";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { EmailTakenError, createApplicantAccount } from "./mutations";
import { hashPassword } from "./password";
import { registerSchema } from "./schema";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

/** Self-registration creates applicants only; staff accounts come from an admin or the seed. */
export async function registerApplicant(_previous: unknown, formData: FormData): Promise<ActionResult<{ email: string }>> {
  if (!isFormData(formData)) return malformedRequest();
  const parsed = registerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { email, displayName, password } = parsed.data;
  try {
    await createApplicantAccount({ email, displayName, passwordHash: await hashPassword(password), locale: await getLocale() });
  } catch (error) {
    if (error instanceof EmailTakenError) return failure("errors.checkFields", { email: ["auth.emailTaken"] });
    throw error;
  }
  return { ok: true, data: { email } };
}
