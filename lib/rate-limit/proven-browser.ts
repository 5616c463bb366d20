import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * "This browser has already proven it knows the secret for <subject>": the rightful person's way
 * past a throttle a stranger has drained (decision 008). After a correct lookup or sign-in the
 * browser keeps a signed entry for that subject in one cookie; later attempts from it are limited
 * on the browser's own key instead of the shared per-number / per-account / per-address keys,
 * which anyone can spend. An entry cannot be made without the secret, and says nothing readable:
 * `<nonce>.<expires>.<mac>`, the subject only inside the MAC.
 */
export const PROVEN_BROWSER_COOKIE = "expedite_proven";
export const PROOF_LIFETIME_SECONDS = 180 * 24 * 60 * 60;
const MAX_ENTRIES = 8;

type Entry = { nonce: string; expiresAt: number; mac: string };

function mac(key: Buffer, subject: string, nonce: string, expiresAt: number): string {
  return createHmac("sha256", key).update(`${subject}\n${nonce}\n${expiresAt}`).digest("base64url");
}

function parse(cookie: string | null | undefined): Entry[] {
  if (!cookie || cookie.length > 2048) return [];
  return cookie.split("~").flatMap((part) => {
    const match = /^([A-Za-z0-9_-]{16})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(part);
    return match ? [{ nonce: match[1]!, expiresAt: Number(match[2]), mac: match[3]! }] : [];
  });
}

/** The browser's own limiter key for `subject`, when its cookie proves it; null otherwise. */
export function provenBrowserKey(
  cookie: string | null | undefined,
  subject: string,
  now: Date,
  key: Buffer,
): string | null {
  const seconds = Math.floor(now.getTime() / 1000);
  for (const entry of parse(cookie)) {
    if (entry.expiresAt <= seconds) continue;
    const expected = Buffer.from(mac(key, subject, entry.nonce, entry.expiresAt));
    const given = Buffer.from(entry.mac);
    if (expected.length === given.length && timingSafeEqual(expected, given)) return entry.nonce;
  }
  return null;
}

/** The cookie value with a fresh proof for `subject` first, the newest few others kept. */
export function withProof(
  cookie: string | null | undefined,
  subject: string,
  now: Date,
  key: Buffer,
): string {
  const seconds = Math.floor(now.getTime() / 1000);
  const nonce = randomBytes(12).toString("base64url");
  const expiresAt = seconds + PROOF_LIFETIME_SECONDS;
  const fresh = `${nonce}.${expiresAt}.${mac(key, subject, nonce, expiresAt)}`;
  const others = parse(cookie)
    .filter(
      (entry) =>
        entry.expiresAt > seconds &&
        provenBrowserKey(`${entry.nonce}.${entry.expiresAt}.${entry.mac}`, subject, now, key) === null,
    )
    .map((entry) => `${entry.nonce}.${entry.expiresAt}.${entry.mac}`);
  return [fresh, ...others].slice(0, MAX_ENTRIES).join("~");
}
