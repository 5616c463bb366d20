"use server";

import { headers } from "next/headers";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { MALFORMED_REQUEST, isFormData } from "@/lib/validation/action-input";
import { emailSchema } from "./schema";
import { requestSignInUnlock } from "./unlock-mutations";

export type UnlockRequestState = { ok: true } | { ok: false; message: string } | null;

/**
 * "Email me a link to unlock sign-in on this device", offered when sign-in is refused for too many
 * attempts. The answer never says whether the email has an account.
 */
export async function requestUnlockLink(
  _previous: UnlockRequestState,
  formData: FormData,
): Promise<UnlockRequestState> {
  if (!isFormData(formData)) return { ok: false, message: MALFORMED_REQUEST };
  const email = emailSchema.safeParse(formData.get("email"));
  if (!email.success) return { ok: false, message: "validation.emailInvalid" };
  await requestSignInUnlock(email.data, clientIpFromHeaders(await headers()));
  return { ok: true };
}
