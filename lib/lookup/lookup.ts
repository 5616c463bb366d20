import "server-only";
import { timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/env";
import { hashIdNumber } from "@/lib/identity/id-number-hash";
import { releaseAttempt, reserveAttempt, type RateLimitCheck } from "@/lib/rate-limit/mutations";
import { findLookupCandidate, findPublicCase } from "./data";
import type { PublicCaseView } from "./public-view";
import type { LookupInput } from "./schema";
import { shareLinkKey, verifyShareToken } from "./share-token";
import { LOOKUP_PER_ADDRESS, LOOKUP_PER_NUMBER, LOOKUP_PER_PROVEN_BROWSER } from "./throttle";

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
 * Which limiter keys an attempt spends (decision 008): a browser that has looked this number up
 * correctly before (`provenBrowser`, from its cookie) only its own; anyone else the number's and
 * the address's.
 */
function lookupChecks(number: string, ip: string | null, provenBrowser: string | null): RateLimitCheck[] {
  if (provenBrowser) return [{ limit: LOOKUP_PER_PROVEN_BROWSER, key: `${number}:${provenBrowser}` }];
  return [{ limit: LOOKUP_PER_NUMBER, key: number }, ...(ip ? [{ limit: LOOKUP_PER_ADDRESS, key: ip }] : [])];
}

/**
 * Public lookup by application number + ID number (already validated by lookupSchema).
 * The attempt is reserved before the ID number is compared, so guesses sent at the same moment
 * cannot exceed the limit; a correct answer gives it back. A wrong ID number and an unknown number
 * give the same answer after the same work (one reservation, one read, one HMAC, one constant-time
 * compare). The ID number is only ever hashed here: never logged, stored or returned.
 */
export async function lookupCase({
  number,
  idType,
  idNumber,
  ip,
  provenBrowser = null,
  now,
}: LookupInput & { ip: string | null; provenBrowser?: string | null; now: Date }): Promise<LookupResult> {
  const reserved = await reserveAttempt(lookupChecks(number, ip, provenBrowser), now);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAfterSeconds: reserved.retryAfterSeconds };

  const candidate = await findLookupCandidate(number);
  const given = Buffer.from(hashIdNumber(idType, idNumber, serverEnv().ID_HASH_KEY), "hex");
  const stored = storedHash(candidate?.idNumberHash);
  const equal = timingSafeEqual(given, stored ?? NO_HASH);
  if (!candidate || !stored || !equal) return { ok: false, reason: "notFound" };

  await releaseAttempt(reserved.reservation);
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
