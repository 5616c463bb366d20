import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The emailed "unlock sign-in on this device" link (decision 008): `<userId>.<expires>.<mac>`. Opening
 * it makes that browser a proven one for the account, so a stranger draining the account's attempts
 * cannot keep the owner out. It lets nobody in by itself: the password is still needed. The email is
 * inside the MAC, so a changed address voids old links.
 */
export const UNLOCK_TTL_SECONDS = 30 * 60;
export const UNLOCK_PATH = "/signin/unlock";

function mac(key: Buffer, userId: string, email: string, expiresAt: number): string {
  return createHmac("sha256", key).update(`${userId}\n${email}\n${expiresAt}`).digest("base64url");
}

export function signUnlockToken(user: { id: string; email: string }, now: Date, key: Buffer): string {
  const expiresAt = Math.floor(now.getTime() / 1000) + UNLOCK_TTL_SECONDS;
  return `${user.id}.${expiresAt}.${mac(key, user.id, user.email, expiresAt)}`;
}

/** The user id the token was made for; the caller must then check `verifyUnlockToken` with their email. */
export function unlockTokenUserId(token: string): string | null {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? match[1]! : null;
}

export function verifyUnlockToken(
  token: string,
  user: { id: string; email: string },
  now: Date,
  key: Buffer,
): boolean {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || match[1] !== user.id) return false;
  const expiresAt = Number(match[2]);
  if (expiresAt <= Math.floor(now.getTime() / 1000)) return false;
  const expected = Buffer.from(mac(key, user.id, user.email, expiresAt));
  const given = Buffer.from(match[3]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function unlockLinkPath(token: string): string {
  return `${UNLOCK_PATH}?token=${encodeURIComponent(token)}`;
}
