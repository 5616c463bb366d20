/**
 * The rate-limit policy, pure (no clock, no database) so it is tested exhaustively.
 *
 * GCRA (generic cell rate algorithm): a key may spend `burst` attempts at once, then earns one
 * more every `intervalSeconds`. Its whole state is one time, the "theoretical arrival time" (tat):
 * how far ahead of now the key has spent. Nothing ever locks: a key that stops trying is whole
 * again after burst × interval, and one that keeps trying gets exactly one attempt per interval.
 */
export type RateLimit = {
  /** Names the limit in its keys ("lookup-number:…"), so two limits never share a counter. */
  name: string;
  burst: number;
  intervalSeconds: number;
};

/** The tat after one more attempt, or null when the attempt is over the limit. */
export function nextTat(tat: Date | null, now: Date, limit: RateLimit): Date | null {
  const interval = limit.intervalSeconds * 1000;
  const start = Math.max(tat?.getTime() ?? 0, now.getTime());
  const next = start + interval;
  return next - now.getTime() <= limit.burst * interval ? new Date(next) : null;
}

/** Whole seconds until the next attempt is allowed (at least 1 when refused now). */
export function retryAfterSeconds(tat: Date, now: Date, limit: RateLimit): number {
  const interval = limit.intervalSeconds * 1000;
  const allowedAt = tat.getTime() + interval - limit.burst * interval;
  return Math.max(1, Math.ceil((allowedAt - now.getTime()) / 1000));
}

/** How many attempts the key could make right now. */
export function remainingAttempts(tat: Date | null, now: Date, limit: RateLimit): number {
  const interval = limit.intervalSeconds * 1000;
  const spent = Math.max(0, (tat?.getTime() ?? 0) - now.getTime());
  return Math.max(0, Math.floor((limit.burst * interval - spent) / interval));
}

export function limitKey(limit: RateLimit, key: string): string {
  return `${limit.name}:${key}`;
}
