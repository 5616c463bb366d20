// Server-side only (needs a server secret); node:crypto keeps it out of browser bundles.
import { createHmac, timingSafeEqual } from "node:crypto";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { serverEnv } from "@/lib/env";

/**
 * Share links: `/track/s/<number>.<expiry>.<signature>` show a case's public view without the ID
 * number, until they expire. Stateless (nothing in the database): the HMAC proves we issued the
 * link, and the expiry inside it is covered by the signature. The price is that a link cannot be
 * revoked before it expires, hence the short life.
 */

export const SHARE_LINK_TTL_SECONDS = 72 * 60 * 60;
// 128 bits of HMAC-SHA256: far beyond guessing, and the link stays short enough to paste in a chat.
const SIGNATURE_BYTES = 16;
const CONTEXT = "expedite:track-share:v1";

export type ShareTokenCheck =
  | { ok: true; number: string; expiresAt: Date }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "expired"; expiredAt: Date };

/** A key of its own, derived from NEXTAUTH_SECRET: rotating that secret also ends every share link. */
export function shareLinkKey(): Buffer {
  return createHmac("sha256", serverEnv().NEXTAUTH_SECRET).update(CONTEXT).digest();
}

function signature(payload: string, key: Buffer): Buffer {
  return createHmac("sha256", key).update(`${CONTEXT}|${payload}`).digest().subarray(0, SIGNATURE_BYTES);
}

export function signShareToken(number: string, now: Date, key: Buffer): { token: string; expiresAt: Date } {
  const expirySeconds = Math.floor(now.getTime() / 1000) + SHARE_LINK_TTL_SECONDS;
  const payload = `${number}.${expirySeconds.toString(36)}`;
  return {
    token: `${payload}.${signature(payload, key).toString("base64url")}`,
    expiresAt: new Date(expirySeconds * 1000),
  };
}

/** The signature is checked before the expiry, so a forged link never learns anything from the answer. */
export function verifyShareToken(token: string, now: Date, key: Buffer): ShareTokenCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "invalid" };
  const [number, expiry, signed] = parts as [string, string, string];
  // Compared as text, so only the one canonical spelling of the signature is accepted.
  const given = Buffer.from(signed, "utf8");
  const expected = Buffer.from(signature(`${number}.${expiry}`, key).toString("base64url"), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "invalid" };

  const parsed = validateApplicationNumber(number);
  const expirySeconds = /^[0-9a-z]{1,10}$/.test(expiry) ? parseInt(expiry, 36) : NaN;
  if (!parsed.ok || parsed.number !== number || !Number.isSafeInteger(expirySeconds))
    return { ok: false, reason: "invalid" };
  const expiresAt = new Date(expirySeconds * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired", expiredAt: expiresAt };
  // Only a leaked key could sign a longer life than we ever issue.
  if (expiresAt.getTime() > now.getTime() + SHARE_LINK_TTL_SECONDS * 1000 + 60_000)
    return { ok: false, reason: "invalid" };
  return { ok: true, number, expiresAt };
}
