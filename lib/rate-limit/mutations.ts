import "server-only";
import { db } from "@/lib/db";
import { retryAfterSeconds } from "./gcra";
import { limiterRows, refusedSql, releaseSql, reserveSql, type RateLimitCheck } from "./rate-limit-sql";

export type { RateLimit } from "./gcra";
export type { RateLimitCheck } from "./rate-limit-sql";

/** What was taken, to give back with releaseAttempt (e.g. when the attempt succeeded). */
export type Reservation = { keys: string[] };
export type ReservationResult =
  { ok: true; reservation: Reservation } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one attempt from every check's key, atomically, BEFORE the caller does the work, so
 * requests sent at the same moment cannot all be evaluated (a read-then-record check lets them).
 * When any key refuses, the keys that did grant are given back: a refused request costs nothing.
 */
export async function reserveAttempt(
  checks: readonly RateLimitCheck[],
  now = new Date(),
): Promise<ReservationResult> {
  const rows = limiterRows(checks);
  const keys = rows.map((row) => row.key);
  const granted = new Set(
    (await db.$queryRaw<{ key: string }[]>(reserveSql(rows, now))).map((row) => row.key),
  );
  if (granted.size === keys.length) return { ok: true, reservation: { keys } };

  await releaseAttempt({ keys: [...granted] });
  const refused = await db.$queryRaw<{ key: string; tat: Date; intervalSeconds: number; burst: number }[]>(
    refusedSql(keys.filter((key) => !granted.has(key))),
  );
  return {
    ok: false,
    retryAfterSeconds: Math.max(
      1,
      ...refused.map((row) => retryAfterSeconds(row.tat, now, { ...row, name: row.key })),
    ),
  };
}

/** Gives the attempts of a reservation back (one interval per key), e.g. after a success. */
export async function releaseAttempt(reservation: Reservation): Promise<void> {
  if (reservation.keys.length > 0) await db.$executeRaw(releaseSql(reservation.keys));
}

/** Drops keys that are whole again (their tat has passed): they mean the same as no row. */
export async function deleteIdleRateLimits(now: Date, limit = 1000): Promise<number> {
  return db.$executeRaw`DELETE FROM rate_limit WHERE key IN (SELECT key FROM rate_limit WHERE tat < ${now} LIMIT ${limit})`;
}
