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

/** Remembers that this browser knew the secret for `subject` (Server Actions and route handlers only). */
export async function rememberProvenBrowser(subject: string, now: Date): Promise<void> {
  const jar = await cookies();
  jar.set(PROVEN_BROWSER_COOKIE, withProof(jar.get(PROVEN_BROWSER_COOKIE)?.value, subject, now, proofKey()), {
    httpOnly: true,
    sameSite: "lax",
    secure: serverEnv().APP_URL.startsWith("https:"),
    path: "/",
    maxAge: PROOF_LIFETIME_SECONDS,
  });
}
