"use server";

import { z } from "zod";
import { formAction } from "@/lib/action-pipeline/pipeline";
import { failure } from "@/lib/action-result";
import { emailSchema } from "./schema";
import { requestSignInUnlock } from "./unlock-mutations";

export type UnlockRequestState = { ok: true } | { ok: false; message: string } | null;

/**
 * "Email me a link to unlock sign-in on this device", offered when sign-in is refused for too many
 * attempts. The answer never says whether the email has an account.
 */
export const requestUnlockLink = formAction({
  name: "auth.requestUnlockLink",
  access: "public",
  schema: z.object({ email: emailSchema }),
  fields: (formData) => ({ email: formData.get("email") }),
  invalid: () => failure("validation.emailInvalid"),
  run: async ({ data, ip }) => {
    await requestSignInUnlock(data.email, ip);
    return undefined;
  },
});
