"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { reserveAttempt, type RateLimit } from "@/lib/rate-limit/mutations";
import { safeCallbackPath } from "./callback-path";
import { hashPassword } from "./password";
import { newPasswordProblem } from "./password-strength";
import { confirmEmail, registerOrNotify, resendConfirmation } from "./registration-mutations";
import { homePathFor } from "./roles";
import { registerSchema } from "./schema";
import { getCurrentUser } from "./session";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

// 5 accounts at once from one client address, then one every 10 minutes (decision 010). Every
// registration spends one, successful or not: its work (a hash, an email) is what is limited.
const REGISTRATIONS_PER_ADDRESS: RateLimit = { name: "register-ip", burst: 5, intervalSeconds: 10 * 60 };

/**
 * Self-registration creates applicants only; staff accounts come from an admin or the seed.
 * The answer is the same whether the email was free or taken (decision 010): "check your email".
 */
export async function registerApplicant(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ email: string }>> {
  if (!isFormData(formData)) return malformedRequest();
  const parsed = registerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const { email, displayName, password } = parsed.data;
  // Before the reservation: choosing a better password should not spend the address's registrations.
  const problem = await newPasswordProblem(password, { email, displayName });
  if (problem) return failure("errors.checkFields", { password: [problem] });
  // Reserved before any work, atomically: parallel requests cannot exceed the limit.
  const address = clientIpFromHeaders(await headers()) ?? "unknown";
  const reserved = await reserveAttempt([{ limit: REGISTRATIONS_PER_ADDRESS, key: address }]);
  if (!reserved.ok) return failure("auth.registerThrottled");
  // Hashed either way, so a taken email does not answer faster than a free one.
  const passwordHash = await hashPassword(password);
  const nextPath = safeCallbackPath(formData.get("callbackUrl"), "");
  await registerOrNotify({ email, displayName, passwordHash, locale: await getLocale(), nextPath });
  return { ok: true, data: { email } };
}

/** The button on the page an emailed link opens: confirms, then goes where the person was going. */
export async function confirmEmailAddress(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const token = formData instanceof FormData ? formData.get("token") : null;
  if (typeof token !== "string") return failure("auth.confirm.invalid");
  const confirmed = await confirmEmail(token);
  if (!confirmed) return failure("auth.confirm.invalid");
  const next = safeCallbackPath(confirmed.nextPath, "");
  const user = await getCurrentUser();
  if (user?.id === confirmed.userId) redirect(next || homePathFor(user.role));
  redirect(next ? `/signin?confirmed=1&callbackUrl=${encodeURIComponent(next)}` : "/signin?confirmed=1");
}

/** "Send the link again", from the portal's notice; the link then leads back to the page it was sent from. */
export async function resendConfirmationEmail(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return failure("errors.notAuthorized");
  const next = formData instanceof FormData ? safeCallbackPath(formData.get("next"), "") : "";
  const outcome = await resendConfirmation(user.id, next);
  if (outcome === "tooSoon") return failure("auth.confirm.tooSoon");
  return { ok: true, data: undefined };
}
