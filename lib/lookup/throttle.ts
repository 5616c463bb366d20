/**
 * Anti-enumeration policy of the public lookup: pure, so it is tested without a clock or a database.
 * Failures are counted per client address and per application number (an unknown number counts
 * too, so probing for numbers is throttled like guessing ID numbers). Same shape as the sign-in
 * throttle (lib/auth/throttle.ts); the state lives in `lookup_throttle`.
 */

// An address may stand for a whole office or carrier NAT; one number belongs to one person.
export const FREE_FAILURES = { number: 5, ip: 20 } as const;
export type LookupThrottleKind = keyof typeof FREE_FAILURES;

const BASE_LOCK_SECONDS = 60;
// A number's ID space is small (region × birth date × sequence), so its cap is the stricter one.
// The price is that anyone who knows a number can keep its lookup locked; the applicant can still
// sign in or send a share link, which no throttle touches.
export const MAX_LOCK_SECONDS = { number: 6 * 60 * 60, ip: 60 * 60 } as const;
/** A key with no failure for this long starts again from zero (a NAT is not locked out forever). */
export const FORGET_AFTER_SECONDS = 24 * 60 * 60;

/** How long to lock a key after its `failures`-th consecutive failure (0 = not locked). */
export function lockSecondsAfter(failures: number, kind: LookupThrottleKind): number {
  const free = FREE_FAILURES[kind];
  if (failures < free) return 0;
  return Math.min(BASE_LOCK_SECONDS * 2 ** Math.min(failures - free, 20), MAX_LOCK_SECONDS[kind]);
}

/** Keys in a fixed (sorted) order, so concurrent writers lock rows in the same order. */
export function lookupThrottleKeys(number: string, ip: string | null): string[] {
  return ip ? [`ip:${ip}`, `number:${number}`] : [`number:${number}`];
}

export function throttleKind(key: string): LookupThrottleKind {
  return key.startsWith("ip:") ? "ip" : "number";
}

/** Seconds until every key is unlocked, rounded up; 0 when none is locked now. */
export function retryAfterSeconds(rows: readonly { lockedUntil: Date | null }[], now: Date): number {
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Whole minutes to tell a person ("try again in N minutes"), never 0. */
export function retryAfterMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
