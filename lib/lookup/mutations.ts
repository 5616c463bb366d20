import "server-only";
import { db } from "@/lib/db";
import { FORGET_AFTER_SECONDS, lockSecondsAfter, throttleKind } from "./throttle";

/**
 * Counts a failed lookup against each key and locks a key once the policy says so. The counter
 * is incremented in one statement (race-free under concurrent lookups) and starts again from 1 when
 * the key has been quiet for FORGET_AFTER_SECONDS. Keys arrive sorted, so two transactions
 * touching the same keys lock the rows in the same order and cannot deadlock.
 */
export async function recordLookupFailure(keys: readonly string[], now: Date) {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_SECONDS * 1000);
  await db.$transaction(async (tx) => {
    for (const key of keys) {
      const [row] = await tx.$queryRaw<{ failures: number }[]>`
        INSERT INTO lookup_throttle (key, failures, updated_at) VALUES (${key}, 1, ${now})
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN lookup_throttle.updated_at <= ${forgetBefore} THEN 1 ELSE lookup_throttle.failures + 1 END,
          locked_until = CASE WHEN lookup_throttle.updated_at <= ${forgetBefore} THEN NULL ELSE lookup_throttle.locked_until END,
          updated_at = ${now}
        RETURNING failures`;
      const seconds = lockSecondsAfter(row!.failures, throttleKind(key));
      if (seconds > 0) {
        await tx.$executeRaw`UPDATE lookup_throttle SET locked_until = ${new Date(now.getTime() + seconds * 1000)} WHERE key = ${key}`;
      }
    }
  });
}

export async function clearLookupFailures(keys: readonly string[]) {
  await db.lookupThrottle.deleteMany({ where: { key: { in: [...keys] } } });
}
