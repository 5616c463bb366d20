import type { RateLimit } from "@/lib/rate-limit/gcra";

/**
 * How fast the public lookup may be guessed at (decision 008). Attempts are reserved atomically
 * before the ID number is compared (lib/rate-limit/), and a correct answer gives its attempt back,
 * so only wrong guesses spend. Nothing locks: a drained key earns one attempt per interval.
 */

// A number's ID space is small (region × birth date × sequence), so guesses at one number are the
// scarcest: 5 at once, then one an hour (at most ~29 a day, from any number of addresses).
export const LOOKUP_PER_NUMBER: RateLimit = { name: "lookup-number", burst: 5, intervalSeconds: 60 * 60 };
// An address may be an office or a carrier NAT: room for many people's typos, then one every 3 minutes.
export const LOOKUP_PER_ADDRESS: RateLimit = { name: "lookup-ip", burst: 20, intervalSeconds: 3 * 60 };
// A browser that has looked this number up correctly before is limited on its own key only, so a
// stranger draining the number's or the address's key cannot shut the applicant out.
export const LOOKUP_PER_PROVEN_BROWSER: RateLimit = {
  name: "lookup-browser",
  burst: 5,
  intervalSeconds: 10 * 60,
};

export function lookupProofSubject(number: string): string {
  return `lookup:${number}`;
}

/** Whole minutes to tell a person ("try again in N minutes"), never 0. */
export function retryAfterMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
