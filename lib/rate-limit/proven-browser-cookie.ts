import "server-only";
import { createHmac } from "node:crypto";
import { cookies } from "next/headers";
import { serverEnv } from "@/lib/env";
import { PROOF_LIFETIME_SECONDS, PROVEN_BROWSER_COOKIE, provenBrowserKey, withProof } from "./proven-browser";

function proofKey(): Buffer {
  // Derived, so the cookie's key can never be used to forge a session or a share link.
  return createHmac("sha256", serverEnv().NEXTAUTH_SECRET).update("proven-browser-v1").digest();
}

/** This browser's own limiter key for `subject` (e.g. "lookup:EX…", "account:a@b.c"), or null. */
export async function provenBrowserKeyFor(subject: string, now: Date): Promise<string | null> {
  const cookie = (await cookies()).get(PROVEN_BROWSER_COOKIE)?.value;
  return provenBrowserKey(cookie, subject, now, proofKey());
}

/** The cookie that adds a proof for `subject` to the browser's `current` one, for a response to set. */
export function provenBrowserCookie(current: string | undefined, subject: string, now: Date) {
  return {
    name: PROVEN_BROWSER_COOKIE,
    value: withProof(current, subject, now, proofKey()),
    httpOnly: true,
    sameSite: "lax" as const,
    secure: serverEnv().APP_URL.startsWith("https:"),
    path: "/",
    maxAge: PROOF_LIFETIME_SECONDS,
  };
}

/** Remembers that this browser knew the secret for `subject` (in a Server Action or next-auth's callback). */
export async function rememberProvenBrowser(subject: string, now: Date): Promise<void> {
  const jar = await cookies();
  jar.set(provenBrowserCookie(jar.get(PROVEN_BROWSER_COOKIE)?.value, subject, now));
}
