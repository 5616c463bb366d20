// Which database failures are worth a second try, and how long to wait before it. Pure: no I/O,
// so the policy is unit-tested exhaustively (lib/db.ts applies it).

export type RetryPolicy = {
  /** Tries in all, the first one included. */
  attempts: number;
  /** The cap of the first wait; each further wait's cap doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 25, maxDelayMs: 400 };

// Postgres asks for exactly these to be retried: serialization_failure and deadlock_detected.
const RETRY_SQLSTATES = new Set(["40001", "40P01"]);

type DriverCause = { originalCode?: unknown; kind?: unknown };
type MaybePrismaError = {
  code?: unknown;
  message?: unknown;
  cause?: DriverCause;
  meta?: { driverAdapterError?: { cause?: DriverCause } };
};

/**
 * True only for failures where nothing was committed and the same work may well succeed a moment
 * later. Shapes as they surface through @prisma/adapter-pg 7 (provoked in lib/db/retry.test.ts):
 * - P2028 "Unable to start a transaction in the given time": no pooled connection within maxWait.
 *   Other P2028s (a transaction that ran past its timeout) are not retried: the work itself is slow.
 * - P2034 (model queries) or P2010 (raw queries) carrying the driver's SQLSTATE 40001 / 40P01, or
 *   the driver's own DriverAdapterError with it as its cause (a serialization failure at COMMIT).
 * - pg-pool's "timeout exceeded when trying to connect": a plain statement found no free connection.
 */
export function isRetryableDatabaseError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, meta, cause } = error as MaybePrismaError;
  const text = typeof message === "string" ? message : "";
  if (code === "P2028") return text.includes("Unable to start a transaction in the given time");
  if (code === "P2034") return true;
  const sqlState = (meta?.driverAdapterError?.cause ?? cause)?.originalCode;
  if (typeof sqlState === "string" && RETRY_SQLSTATES.has(sqlState)) return true;
  return error instanceof Error && text === "timeout exceeded when trying to connect";
}

/**
 * "Full jitter" (a random wait between 0 and an exponentially growing cap): the requests that
 * collided, or queued for the same pool, come back spread out instead of colliding again.
 * `retry` counts from 1 (the wait before the second try).
 */
export function retryDelayMs(
  retry: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}

type RetryOptions = { policy?: RetryPolicy; sleep?: (ms: number) => Promise<void>; random?: () => number };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` until it succeeds, fails with something not retryable, or runs out of attempts. */
export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryableDatabaseError(error)) throw error;
      await (options.sleep ?? wait)(retryDelayMs(attempt, policy, options.random));
    }
  }
}
