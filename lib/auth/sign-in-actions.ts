"use server";

import { redirect } from "next/navigation";
import { safeCallbackPath } from "./callback-path";
import { THROTTLED_ERROR_PREFIX } from "./options";
import { signInWithNextAuth } from "./password-sign-in";
import { UNAVAILABLE_ERROR_PREFIX } from "./unavailable";

/** The sign-in form's state: the typed email comes back so a refused attempt keeps it, even without JavaScript. */
export type SignInState = {
  ok: false;
  message: string;
  email: string;
  minutes?: number;
  reference?: string;
} | null;

const MAX_FIELD_LENGTH = 1024;

function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, MAX_FIELD_LENGTH) : "";
}

/**
 * Posted by the sign-in form, with or without JavaScript. next-auth does the checking (see
 * password-sign-in.ts); the server then picks the landing page (app/signin/continue).
 */
export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  if (!(formData instanceof FormData)) return { ok: false, message: "auth.invalidCredentials", email: "" };
  const email = field(formData, "email");
  const result = await signInWithNextAuth(email, field(formData, "password"));
  if (!result.ok) {
    if (result.error.startsWith(THROTTLED_ERROR_PREFIX)) {
      const seconds = Number(result.error.slice(THROTTLED_ERROR_PREFIX.length));
      return {
        ok: false,
        message: "auth.throttled",
        email,
        minutes: Math.max(1, Math.ceil((Number.isFinite(seconds) ? seconds : 60) / 60)),
      };
    }
    if (result.error.startsWith(UNAVAILABLE_ERROR_PREFIX)) {
      // The server failed (lib/auth/unavailable.ts): the reference finds its log line.
      const reference = result.error
        .slice(UNAVAILABLE_ERROR_PREFIX.length)
        .replace(/[^0-9a-f]/g, "")
        .slice(0, 16);
      return { ok: false, message: "auth.unavailable", email, reference };
    }
    return {
      ok: false,
      message: result.error === "CredentialsSignin" ? "auth.invalidCredentials" : "auth.signInFailed",
      email,
    };
  }
  const callbackUrl = safeCallbackPath(formData.get("callbackUrl"), "");
  redirect(`/signin/continue?callbackUrl=${encodeURIComponent(callbackUrl)}`);
}
