import type { RateLimit } from "@/lib/rate-limit/gcra";

/**
 * How fast passwords may be guessed (decision 008). Attempts are reserved atomically before the
 * password is checked (lib/rate-limit/) and a successful sign-in gives its attempt back. Nothing
 * locks: a drained key earns one attempt per interval, and the owner has ways round a stranger who
 * keeps it drained — a browser that signed in before uses its own key, and an emailed unlock link
 * makes the browser it is opened in such a browser.
 */

// 5 at once, then one every 10 minutes: at most ~150 guesses a day at one account, from anywhere.
export const SIGN_IN_PER_ACCOUNT: RateLimit = { name: "signin-account", burst: 5, intervalSeconds: 10 * 60 };
// An address may be an office or a carrier NAT: more room, then one a minute.
export const SIGN_IN_PER_ADDRESS: RateLimit = { name: "signin-ip", burst: 20, intervalSeconds: 60 };
export const SIGN_IN_PER_PROVEN_BROWSER: RateLimit = {
  name: "signin-browser",
  burst: 5,
  intervalSeconds: 2 * 60,
};
// Unlock emails: enough for a lost email, too few to flood an inbox.
export const UNLOCK_EMAILS_PER_ACCOUNT: RateLimit = {
  name: "unlock-account",
  burst: 2,
  intervalSeconds: 30 * 60,
};
export const UNLOCK_EMAILS_PER_ADDRESS: RateLimit = { name: "unlock-ip", burst: 5, intervalSeconds: 10 * 60 };

export function accountProofSubject(email: string): string {
  return `account:${email}`;
}
