/** Sign-in throttle policy: pure, so it is tested without a clock or a database. */

// An address may stand for a whole office or mobile carrier NAT, so it gets more room than one account.
export const FREE_FAILURES = { email: 5, ip: 20 } as const;
export type ThrottleKind = keyof typeof FREE_FAILURES;

const BASE_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 30 * 60;

/** How long to lock a key after its `failures`-th consecutive failure (0 = not locked). */
export function lockSecondsAfter(failures: number, kind: ThrottleKind): number {
  const free = FREE_FAILURES[kind];
  if (failures < free) return 0;
  const doublings = failures - free;
  return Math.min(BASE_LOCK_SECONDS * 2 ** Math.min(doublings, 16), MAX_LOCK_SECONDS);
}

export function isLocked(lockedUntil: Date | null | undefined, now: Date): boolean {
  return lockedUntil != null && lockedUntil.getTime() > now.getTime();
}

export function throttleKeys(email: string, ip: string | null): string[] {
  return ip ? [`email:${email}`, `ip:${ip}`] : [`email:${email}`];
}

export function throttleKind(key: string): ThrottleKind {
  return key.startsWith("ip:") ? "ip" : "email";
}
