import "server-only";
import { releaseAttempt, reserveAttempt, type RateLimitCheck } from "@/lib/rate-limit/mutations";
import { findUserForSignIn } from "./data";
import { upgradePasswordHash } from "./mutations";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { signInSchema } from "./schema";
import { SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS, SIGN_IN_PER_PROVEN_BROWSER } from "./throttle";

export type AuthenticatedUser = { id: string; email: string; name: string; role: string };

export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Which limiter keys a sign-in spends (decision 008): a browser that signed in to this account
 * before (`provenBrowser`, from its cookie) only its own; anyone else the account's and the address's.
 */
function signInChecks(
  email: string,
  clientIp: string | null,
  provenBrowser: string | null,
): RateLimitCheck[] {
  if (provenBrowser) return [{ limit: SIGN_IN_PER_PROVEN_BROWSER, key: `${email}:${provenBrowser}` }];
  return [
    { limit: SIGN_IN_PER_ACCOUNT, key: email },
    ...(clientIp ? [{ limit: SIGN_IN_PER_ADDRESS, key: clientIp }] : []),
  ];
}

/**
 * Checks credentials. The attempt is reserved before the password is checked, so a burst sent at
 * once cannot check more passwords than the limit; a success gives it back. An unknown email, a
 * wrong password and a deactivated account all give the same "invalid" answer after the same work.
 */
export async function authenticate(
  credentials: unknown,
  clientIp: string | null,
  now = new Date(),
  provenBrowser: string | null = null,
): Promise<AuthenticationResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const reserved = await reserveAttempt(signInChecks(email, clientIp, provenBrowser), now);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAfterSeconds: reserved.retryAfterSeconds };

  const user = await findUserForSignIn(email);
  const passwordMatches = await verifyPassword(password, user?.passwordHash);
  if (!user || !passwordMatches || !user.active) return { ok: false, reason: "invalid" };
  // The only moment the password is known: old hashes become today's here (decision 016).
  if (needsRehash(user.passwordHash))
    await upgradePasswordHash(user.id, user.passwordHash, await hashPassword(password));
  await releaseAttempt(reserved.reservation);
  return { ok: true, user: { id: user.id, email: user.email, name: user.displayName, role: user.role } };
}
