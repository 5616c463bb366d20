/** A day of failing deliveries (from the first failure after the last success) disables an endpoint. */
export const DISABLE_AFTER_MS = 24 * 60 * 60_000;

const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/**
 * The wait after the given number of failed attempts: 30 s, 1 min, 2 min … capped at an hour, then
 * "equal jitter" (half fixed, half random), so a receiver that comes back is not hit by every
 * endpoint's backlog in the same second. `random` is in [0, 1); tests pass a fixed one.
 */
export function webhookRetryDelayMs(attempts: number, random: number = Math.random()): number {
  const exponent = Math.min(Math.max(0, attempts - 1), 20);
  const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** exponent);
  return Math.round(delay / 2 + (delay / 2) * random);
}

/** Longest wait webhookRetryDelayMs can give: tests step the clock by this to reach the next try. */
export const MAX_RETRY_DELAY_MS = MAX_DELAY_MS;

export function shouldDisable(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;
}
