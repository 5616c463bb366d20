import "server-only";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { findActiveUser, findSessionVersion } from "./data";
import { endSessions } from "./session-mutations";

// next-auth's callbacks and sign-out event for lib/auth/options.ts. The session cookie holds only
// the account id (`sub`) and its session version (`sv`): no name, email or picture, which a
// copied or logged cookie would otherwise give away (it is encrypted, but not from whoever holds
// NEXTAUTH_SECRET). Everything else is read from the database on each request.

// `sd` marks a session signed in on a shared computer: a preference about this browser, no personal data.
type SessionClaims = { sub: string; sv: number; sd?: true };

/** What the token is re-encoded with, at sign-in (`user` present) and on every refresh. */
export async function sessionTokenClaims(
  token: JWT,
  user?: { id: string; sharedDevice?: boolean },
): Promise<JWT> {
  if (user) {
    const sv = await findSessionVersion(user.id);
    if (sv === null) return {};
    return (
      user.sharedDevice ? { sub: user.id, sv, sd: true } : { sub: user.id, sv }
    ) satisfies SessionClaims;
  }
  if (typeof token.sub !== "string" || typeof token.sv !== "number") return {};
  return (
    token.sd === true ? { sub: token.sub, sv: token.sv, sd: true } : { sub: token.sub, sv: token.sv }
  ) satisfies SessionClaims;
}

/** The session next-auth hands to getServerSession (and /api/auth/session): the two claims, nothing more. */
export function sessionFromToken(session: Session, token: JWT): Session {
  return {
    expires: session.expires,
    user: {
      id: token.sub ?? "",
      sessionVersion: typeof token.sv === "number" ? token.sv : -1,
      sharedDevice: token.sd === true,
    },
  };
}

/** Sign-out ends the session for good, on every device: a copy of the cookie stops working too. */
export async function endSessionOnSignOut(token: JWT | null | undefined): Promise<void> {
  if (typeof token?.sub === "string" && typeof token.sv === "number") await endSessions(token.sub, token.sv);
}

/** The account a session belongs to, if the account is active and the session not ended since. */
export async function userForSession(session: Session | null) {
  const user = session?.user;
  // Tokens from before session versions existed carry none: they are refused (one more sign-in).
  if (!user?.id || typeof user.sessionVersion !== "number" || user.sessionVersion < 0) return null;
  return findActiveUser(user.id, user.sessionVersion);
}
