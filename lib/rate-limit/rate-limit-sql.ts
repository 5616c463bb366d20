import { sql, type Sql } from "@/lib/sql";
import { limitKey, type RateLimit } from "./gcra";

// The limiter's statements, apart from mutations.ts so the benchmark's bare node:http + pg
// baseline (bench/baseline-server.ts) sends exactly the same SQL.

export type RateLimitCheck = { limit: RateLimit; key: string };
export type LimiterRow = RateLimit & { key: string };

/** The checks as rows with their full keys, sorted so concurrent requests lock rows in one order. */
export function limiterRows(checks: readonly RateLimitCheck[]): LimiterRow[] {
  return checks
    .map((check) => ({ ...check.limit, key: limitKey(check.limit, check.key) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * One attempt from each key, GCRA (gcra.ts) in SQL: a key is granted when its new tat stays within
 * burst × interval of now. Postgres locks each row for the `ON CONFLICT DO UPDATE`, so requests
 * arriving at once queue on it and each sees the previous one's tat. Returns the granted keys.
 */
export function reserveSql(rows: readonly LimiterRow[], now: Date): Sql {
  return sql`
    INSERT INTO rate_limit AS r (key, tat, interval_seconds, burst)
    SELECT k.key, ${now}::timestamptz + make_interval(secs => k.interval_seconds), k.interval_seconds, k.burst
      FROM unnest(${rows.map((row) => row.key)}::text[], ${rows.map((row) => row.intervalSeconds)}::int[], ${rows.map((row) => row.burst)}::int[])
           AS k(key, interval_seconds, burst)
    ON CONFLICT (key) DO UPDATE
       SET tat = greatest(r.tat, ${now}::timestamptz) + make_interval(secs => excluded.interval_seconds),
           interval_seconds = excluded.interval_seconds, burst = excluded.burst
     WHERE greatest(r.tat, ${now}::timestamptz) + make_interval(secs => excluded.interval_seconds)
           <= ${now}::timestamptz + make_interval(secs => excluded.interval_seconds * excluded.burst)
    RETURNING key`;
}

/** Gives one attempt back to each key. */
export function releaseSql(keys: readonly string[]): Sql {
  return sql`UPDATE rate_limit SET tat = tat - make_interval(secs => interval_seconds) WHERE key = ANY(${keys}::text[])`;
}

export function refusedSql(keys: readonly string[]): Sql {
  return sql`SELECT key, tat, interval_seconds AS "intervalSeconds", burst FROM rate_limit WHERE key = ANY(${keys}::text[])`;
}
