import "server-only";
import { timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/env";
import { hashIdNumber } from "@/lib/identity/id-number-hash";
import { findLookupState, findPublicCase } from "./data";
import { clearLookupFailures, recordLookupFailure } from "./mutations";
import type { PublicCaseView } from "./public-view";
import type { LookupInput } from "./schema";
import { shareLinkKey, verifyShareToken } from "./share-token";
import { lookupThrottleKeys, retryAfterSeconds } from "./throttle";

export type LookupResult =
  | { ok: true; view: PublicCaseView }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

const HASH_BYTES = 32;
// Stands in for the stored hash when the number is unknown, so both failures do the same compare.
const NO_HASH = Buffer.alloc(HASH_BYTES);

function storedHash(hex: string | undefined): Buffer | null {
  const bytes = hex ? Buffer.from(hex, "hex") : null;
  return bytes?.length === HASH_BYTES ? bytes : null;
}

/**
 * Public lookup by application number + ID number (already validated by lookupSchema).
 * A wrong ID number and an unknown number give the same answer after the same work: one read of
 * the throttles and the candidate, one HMAC, one constant-time compare, the same throttle writes.
 * The ID number is only ever hashed here: never logged, stored or returned.
 */
export async function lookupCase({ number, idType, idNumber, ip, now }: LookupInput & { ip: string | null; now: Date }): Promise<LookupResult> {
  const keys = lookupThrottleKeys(number, ip);
  const { throttles, candidate } = await findLookupState(keys, number);
  const wait = retryAfterSeconds(throttles, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const given = Buffer.from(hashIdNumber(idType, idNumber, serverEnv().ID_HASH_KEY), "hex");
  const stored = storedHash(candidate?.idNumberHash);
  const equal = timingSafeEqual(given, stored ?? NO_HASH);
  if (!candidate || !stored || !equal) {
    await recordLookupFailure(keys, now);
    return { ok: false, reason: "notFound" };
  }

  // Only the number's counter is reset: one good lookup must not unlock an address probing others.
  // Most lookups have no failures to clear, and skipping the write then halves their cost.
  const numberKey = `number:${number}`;
  if (throttles.some((row) => row.key === numberKey)) await clearLookupFailures([numberKey]);
  const view = await findPublicCase({ id: candidate.id }, now);
  return view ? { ok: true, view } : { ok: false, reason: "notFound" };
}

export type SharedLookupResult =
  | { ok: true; view: PublicCaseView; expiresAt: Date }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "expired"; expiredAt: Date };

/** A share link's case. Not throttled: the token is unguessable, so there is nothing to enumerate. */
export async function lookupSharedCase(token: string, now: Date): Promise<SharedLookupResult> {
  const check = verifyShareToken(token, now, shareLinkKey());
  if (!check.ok) return check;
  const view = await findPublicCase({ number: check.number }, now);
  return view ? { ok: true, view, expiresAt: check.expiresAt } : { ok: false, reason: "invalid" };
}
