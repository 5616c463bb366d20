import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./authenticate";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { orUnavailable } from "./unavailable";
import { endSessionOnSignOut, sessionFromToken, sessionTokenClaims } from "./session-token";

/** Error code the sign-in form maps to "too many attempts"; anything else is the generic failure. */
export const THROTTLED_ERROR_PREFIX = "throttled:";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const result = await orUnavailable(() =>
          authenticate({ email: credentials?.email, password: credentials?.password }, clientIpFromHeaders(request.headers ?? {})),
        );
        if (result.ok) return result.user;
        if (result.reason === "throttled") throw new Error(`${THROTTLED_ERROR_PREFIX}${result.retryAfterSeconds}`);
        return null;
      },
    }),
  ],
  callbacks: {
    // The token carries only the user id and session version; role and status are re-read from the
    // database on each check, and a raised version ends the session (lib/auth/session-token.ts).
    jwt: ({ token, user }) => sessionTokenClaims(token, user),
    session: ({ session, token }) => sessionFromToken(session, token),
  },
  events: {
    signOut: ({ token }) => endSessionOnSignOut(token),
  },
};
