import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { provenBrowserKeyFor, rememberProvenBrowser } from "@/lib/rate-limit/proven-browser-cookie";
import { authenticate } from "./authenticate";
import { safeCallbackPath } from "./callback-path";
import { emailSchema } from "./schema";
import { accountProofSubject } from "./throttle";
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
      credentials: {
        email: { type: "email" },
        password: { type: "password" },
        sharedDevice: { type: "text" },
      },
      async authorize(credentials, request) {
        const now = new Date();
        const email = emailSchema.safeParse(credentials?.email);
        const subject = accountProofSubject(email.success ? email.data : "");
        // Anything unexpected (the database down) leaves as a bare code; the details go to the log.
        const result = await orUnavailable(async () => {
          const outcome = await authenticate(
            { email: credentials?.email, password: credentials?.password },
            clientIpFromHeaders(request.headers ?? {}),
            now,
            await provenBrowserKeyFor(subject, now),
          );
          // This browser knows the password: later sign-ins from it are limited on its own key.
          if (outcome.ok) await rememberProvenBrowser(subject, now);
          return outcome;
        });
        // "This is a shared computer" rides along into the session token (lib/auth/session-token.ts).
        if (result.ok) return { ...result.user, sharedDevice: credentials?.sharedDevice === "1" };
        if (result.reason === "throttled")
          throw new Error(`${THROTTLED_ERROR_PREFIX}${result.retryAfterSeconds}`);
        return null;
      },
    }),
  ],
  callbacks: {
    // Every destination next-auth follows (callbackUrl of sign-in and sign-out) stays on this origin.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, "/", baseUrl)}`;
    },
    // The token carries only the user id and session version; role and status are re-read from the
    // database on each check, and a raised version ends the session (lib/auth/session-token.ts).
    jwt: ({ token, user }) => sessionTokenClaims(token, user),
    session: ({ session, token }) => sessionFromToken(session, token),
  },
  events: {
    signOut: ({ token }) => endSessionOnSignOut(token),
  },
};
