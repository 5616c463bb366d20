"use server";

import { z } from "zod";
import { formAction, refuse } from "@/lib/action-pipeline/pipeline";
import { safeCallbackPath } from "./callback-path";
import { THROTTLED_ERROR_PREFIX } from "./options";
import { signInWithNextAuth } from "./password-sign-in";
import { UNAVAILABLE_ERROR_PREFIX } from "./unavailable";

/** The sign-in form's state: the typed email comes back so a refused attempt keeps it, even without JavaScript. */
export type SignInState = {
  ok: false;
  message: string;
  email?: string;
  minutes?: number;
  reference?: string;
} | null;

const MAX_FIELD_LENGTH = 1024;

function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, MAX_FIELD_LENGTH) : "";
}

/** Why next-auth refused, as the form's message (and the wait or the log reference it needs). */
function refusal(error: string, email: string) {
  if (error.startsWith(THROTTLED_ERROR_PREFIX)) {
    const seconds = Number(error.slice(THROTTLED_ERROR_PREFIX.length));
    const minutes = Math.max(1, Math.ceil((Number.isFinite(seconds) ? seconds : 60) / 60));
    return { ok: false as const, message: "auth.throttled", email, minutes };
  }
  if (error.startsWith(UNAVAILABLE_ERROR_PREFIX)) {
    // The server failed (lib/auth/unavailable.ts): the reference finds its log line.
    const reference = error
      .slice(UNAVAILABLE_ERROR_PREFIX.length)
      .replace(/[^0-9a-f]/g, "")
      .slice(0, 16);
    return { ok: false as const, message: "auth.unavailable", email, reference };
  }
  const message = error === "CredentialsSignin" ? "auth.invalidCredentials" : "auth.signInFailed";
  return { ok: false as const, message, email };
}

/**
 * Posted by the sign-in form, with or without JavaScript. next-auth does the checking and the
 * throttling (see password-sign-in.ts); the server then picks the landing page (app/signin/continue).
 */
export const signInWithPassword = formAction({
  name: "auth.signIn",
  access: "public",
  schema: z.object({
    email: z.string(),
    password: z.string(),
    callbackUrl: z.unknown(),
    sharedDevice: z.boolean(),
  }),
  fields: (formData) => ({
    email: field(formData, "email"),
    password: field(formData, "password"),
    callbackUrl: formData.get("callbackUrl"),
    sharedDevice: formData.get("sharedDevice") === "on",
  }),
  run: async ({ data: { email, password, callbackUrl, sharedDevice } }) => {
    const result = await signInWithNextAuth(email, password, sharedDevice);
    if (!result.ok) return refuse(refusal(result.error, email));
    return `/signin/continue?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackUrl, ""))}`;
  },
  redirectTo: (target) => target,
});
