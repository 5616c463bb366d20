"use server";

import { getLocale } from "next-intl/server";
import { z } from "zod";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { failure } from "@/lib/action-result";
import { UserFacingError } from "@/lib/errors";
import type { RateLimit } from "@/lib/rate-limit/mutations";
import { safeCallbackPath } from "./callback-path";
import { hashPassword } from "./password";
import { newPasswordProblem } from "./password-strength";
import { confirmEmail, registerOrNotify, resendConfirmation } from "./registration-mutations";
import { homePathFor } from "./roles";
import { registerSchema } from "./schema";

// 5 accounts at once from one client address, then one every 10 minutes (decision 010). Every
// registration spends one, successful or not: its work (a hash, an email) is what is limited.
const REGISTRATIONS_PER_ADDRESS: RateLimit = { name: "register-ip", burst: 5, intervalSeconds: 10 * 60 };

/**
 * Self-registration creates applicants only; staff accounts come from an admin or the seed.
 * The answer is the same whether the email was free or taken (decision 010): "check your email".
 */
export const registerApplicant = formAction({
  name: "auth.register",
  access: "public",
  schema: registerSchema,
  check: async ({ data: { email, displayName, password } }) => {
    const problem = await newPasswordProblem(password, { email, displayName });
    return problem ? failure("errors.checkFields", { password: [problem] }) : null;
  },
  // Reserved before any work, atomically: parallel requests cannot exceed the limit.
  rateLimit: {
    checks: ({ ip }) => [{ limit: REGISTRATIONS_PER_ADDRESS, key: ip ?? "unknown" }],
    message: "auth.registerThrottled",
  },
  run: async ({ data: { email, displayName, password }, raw }) => {
    // Hashed either way, so a taken email does not answer faster than a free one.
    const passwordHash = await hashPassword(password);
    const nextPath = safeCallbackPath((raw as FormData).get("callbackUrl"), "");
    await registerOrNotify({ email, displayName, passwordHash, locale: await getLocale(), nextPath });
    return { email };
  },
});

/** The button on the page an emailed link opens: confirms, then goes where the person was going. */
export const confirmEmailAddress = formAction({
  name: "auth.confirmEmail",
  access: "anyone",
  schema: z.object({ token: z.string() }),
  fields: (formData) => ({ token: formData.get("token") }),
  invalid: () => failure("auth.confirm.invalid"),
  run: async ({ viewer, data }) => {
    const confirmed = await confirmEmail(data.token);
    if (!confirmed) throw new UserFacingError("auth.confirm.invalid");
    const next = safeCallbackPath(confirmed.nextPath, "");
    if (viewer?.id === confirmed.userId) return next || homePathFor(viewer.role);
    return next ? `/signin?confirmed=1&callbackUrl=${encodeURIComponent(next)}` : "/signin?confirmed=1";
  },
  redirectTo: (target) => target,
});

/** "Send the link again", from the portal's notice; the link then leads back to the page it was sent from. */
export const resendConfirmationEmail = formAction({
  name: "auth.resendConfirmation",
  access: "signedIn",
  schema: z.object({ next: z.unknown() }),
  fields: (formData) => ({ next: formData.get("next") }),
  run: async ({ viewer, data }) => {
    const outcome = await resendConfirmation(viewer.id, safeCallbackPath(data.next, ""));
    if (outcome === "tooSoon") throw new UserFacingError("auth.confirm.tooSoon");
    return undefined;
  },
});
