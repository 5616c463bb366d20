import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * API key secrets (decision 037): `exp_` + 8 visible characters (the stored, unique prefix that finds
 * the row) + `_` + 43 random characters. All base62, so a double click selects the whole key.
 * 51 random base62 characters carry about 303 bits; the 43 secret ones alone about 256.
 */
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const PREFIX_LENGTH = 8;
const BODY_LENGTH = 43;
export const SECRET_PATTERN = /^(exp_[0-9A-Za-z]{8})_[0-9A-Za-z]{43}$/;

/** Uniform base62 characters: bytes of 248 and above are dropped, so no character is likelier. */
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export type NewSecret = { secret: string; prefix: string; secretHash: string };

export function generateApiKeySecret(): NewSecret {
  const prefix = `exp_${randomBase62(PREFIX_LENGTH)}`;
  const secret = `${prefix}_${randomBase62(BODY_LENGTH)}`;
  return { secret, prefix, secretHash: hashApiKeySecret(secret) };
}

/**
 * SHA-256, not a password hash: the secret is 256 random bits, so no guess list or brute force
 * shortens the search, and a slow hash would only cost time on every API call.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKeySecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export type ParsedAuthorization =
  { ok: true; secret: string; prefix: string } | { ok: false; reason: "missing" | "malformed" };

/** `Authorization: Bearer <secret>`; the scheme is case-insensitive (RFC 9110), the secret is not. */
export function parseAuthorization(header: string | null | undefined): ParsedAuthorization {
  if (header == null || header.trim() === "") return { ok: false, reason: "missing" };
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
  const secret = match?.[1];
  const parsed = secret ? SECRET_PATTERN.exec(secret) : null;
  if (!secret || !parsed) return { ok: false, reason: "malformed" };
  return { ok: true, secret, prefix: parsed[1]! };
}
