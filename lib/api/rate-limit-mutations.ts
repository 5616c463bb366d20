import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { logger } from "@/lib/observability/logger";

// Request budgets of the partner API (decision 037), kept by rate-limiter-flexible in our PostgreSQL
// (table api_rate_limit), so every instance behind the balancer counts against the same budget and
// requests arriving at once are each counted (the library's upsert is one atomic statement).

/** A key's budget unless its own is set in the console. */
export const DEFAULT_REQUESTS_PER_MINUTE = 120;
/** Calls without a valid key, per client address: enough for a mistyped key, not for guessing. */
export const ANONYMOUS_REQUESTS_PER_MINUTE = 30;

const WINDOW_SECONDS = 60;

export type RateLimitSubject = { keyId: string; perMinute: number } | { address: string };

export type RateLimitOutcome = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the budget is whole again (the window's end). */
  resetSeconds: number;
};

const shared = globalThis as {
  apiRateLimitPool?: pg.Pool;
  apiRateLimiters?: Map<number, RateLimiterPostgres>;
};

// A small pool of its own: the limiter speaks `pg`, Prisma's pool is the adapter's.
function pool(): pg.Pool {
  if (!shared.apiRateLimitPool) {
    const created = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 4 });
    // An idle connection the server closed (a restart, a failover) is dropped, not a crash.
    created.on("error", (error) =>
      logger().warn({ err: error, event: "api" }, "rate limit pool: idle connection lost"),
    );
    shared.apiRateLimitPool = created;
  }
  return shared.apiRateLimitPool;
}

function limiter(points: number): RateLimiterPostgres {
  const limiters = (shared.apiRateLimiters ??= new Map());
  let found = limiters.get(points);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: "pool",
      tableName: "api_rate_limit",
      // The table comes with the migrations; the worker clears expired rows (not a timer per process).
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: "api",
      points,
      duration: WINDOW_SECONDS,
    });
    limiters.set(points, found);
  }
  return found;
}

function outcomeOf(result: RateLimiterRes, limit: number, allowed: boolean): RateLimitOutcome {
  return {
    allowed,
    limit,
    remaining: Math.max(0, result.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
  };
}

/** Spends one request of the subject's budget; `allowed: false` once it is used up. */
export async function consumeApiRequest(subject: RateLimitSubject): Promise<RateLimitOutcome> {
  const [points, key] =
    "keyId" in subject
      ? [subject.perMinute, `key:${subject.keyId}`]
      : [ANONYMOUS_REQUESTS_PER_MINUTE, `address:${subject.address}`];
  try {
    return outcomeOf(await limiter(points).consume(key), points, true);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return outcomeOf(refusal, points, false);
    throw refusal;
  }
}

/** Drops windows that ended more than an hour ago (the worker's idle-limits task). */
export async function deleteExpiredApiRateLimits(now: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM api_rate_limit WHERE expire < ${now.getTime() - 3_600_000}`;
}

/** RateLimit-* headers (IETF draft) on every answer, Retry-After on a refusal. */
export function rateLimitHeaders(outcome: RateLimitOutcome): Record<string, string> {
  return {
    "RateLimit-Limit": String(outcome.limit),
    "RateLimit-Remaining": String(outcome.remaining),
    "RateLimit-Reset": String(outcome.resetSeconds),
    ...(outcome.allowed ? {} : { "Retry-After": String(outcome.resetSeconds) }),
  };
}
