import type pg from "pg";
import { FORGET_AFTER_SECONDS, lockSecondsAfter, throttleKind } from "../../lib/lookup/throttle";

// The throttle writes bench/baseline-server.ts sends: what Prisma sends for lib/lookup/mutations.ts,
// hand-written. The reads it shares with the app (lib/lookup/lookup-sql-data.ts).

export const CLEAR_SQL = `DELETE FROM lookup_throttle WHERE key = ANY($1::text[])`;

const COUNT_FAILURE_SQL = `
  INSERT INTO lookup_throttle (key, failures, updated_at) VALUES ($1, 1, $2)
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN lookup_throttle.updated_at <= $3 THEN 1 ELSE lookup_throttle.failures + 1 END,
    locked_until = CASE WHEN lookup_throttle.updated_at <= $3 THEN NULL ELSE lookup_throttle.locked_until END,
    updated_at = $2
  RETURNING failures`;

/** lib/lookup/mutations.ts recordLookupFailure for one key, inside the caller's transaction. */
export async function countFailure(client: pg.PoolClient, key: string, now: Date) {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_SECONDS * 1000);
  const { rows } = await client.query<{ failures: number }>(COUNT_FAILURE_SQL, [key, now, forgetBefore]);
  const seconds = lockSecondsAfter(rows[0]!.failures, throttleKind(key));
  if (seconds > 0) await client.query(`UPDATE lookup_throttle SET locked_until = $1 WHERE key = $2`, [new Date(now.getTime() + seconds * 1000), key]);
}
