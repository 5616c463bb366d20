import "server-only";
import { findThrottles, findUserForSignIn } from "./data";
import { clearSignInFailures, recordSignInFailure } from "./mutations";
import { verifyPassword } from "./password";
import { signInSchema } from "./schema";
import { isLocked, throttleKeys } from "./throttle";

export type AuthenticatedUser = { id: string; email: string; name: string; role: string };

export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks credentials. An unknown email, a wrong password and a deactivated account all give
 * the same "invalid" answer after the same amount of work, so nothing can be learned from it.
 */
export async function authenticate(
  credentials: unknown,
  clientIp: string | null,
  now = new Date(),
): Promise<AuthenticationResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, clientIp);

  const locks = (await findThrottles(keys)).filter((row) => isLocked(row.lockedUntil, now));
  if (locks.length > 0) {
    const until = Math.max(...locks.map((row) => row.lockedUntil!.getTime()));
    return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
  }

  const user = await findUserForSignIn(email);
  const passwordMatches = await verifyPassword(password, user?.passwordHash);
  if (!user || !passwordMatches || !user.active) {
    await recordSignInFailure(keys, now);
    return { ok: false, reason: "invalid" };
  }
  // Only the account's counter is reset: one good login must not unlock an address guessing others.
  await clearSignInFailures([`email:${email}`]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.displayName, role: user.role } };
}
