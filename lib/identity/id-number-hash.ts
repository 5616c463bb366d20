// Server-side only: the key is a server secret (ID_HASH_KEY). Not marked with `import "server-only"` because
// that package throws under vitest; node:crypto already keeps this module out of browser bundles.
import { createHmac } from "node:crypto";
import { normalizeIdNumber, type IdType } from "./id-number";

/**
 * Lowercase hex HMAC-SHA256 of `${type}:${number}`, the only form in which an ID number is stored.
 * Keyed because the ID space is small (region × birth date × sequence): a plain hash of a leaked table
 * could be reversed by enumeration. The type is included so the same string under two types never matches.
 * The number is normalized again here (idempotent) so submit and lookup can never disagree on spelling.
 */
export function hashIdNumber(type: IdType, normalized: string, key: string): string {
  if (key.length === 0) throw new RangeError("hashIdNumber needs a non-empty key");
  return createHmac("sha256", key)
    .update(`${type}:${normalizeIdNumber(type, normalized)}`, "utf8")
    .digest("hex");
}
