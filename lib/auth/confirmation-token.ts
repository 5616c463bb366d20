import { createHash, randomBytes } from "node:crypto";

/** How long an emailed confirmation link works. */
export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000;

/** Where the emailed link points; the token travels in the query, the page posts it back. */
export const CONFIRM_EMAIL_PATH = "/confirm-email";

// 32 random bytes: guessing is hopeless, so a lookup by hash needs no throttle of its own.
export function newConfirmationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashConfirmationToken(token) };
}

/** Only this hash is stored in email_confirmation: a copy of that table confirms nobody. */
export function hashConfirmationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function confirmationLinkPath(token: string): string {
  return `${CONFIRM_EMAIL_PATH}?token=${encodeURIComponent(token)}`;
}
