import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { provenBrowserKeyFor, rememberProvenBrowser } from "@/lib/rate-limit/proven-browser-cookie";
import { authenticate } from "./authenticate";
import { safeCallbackPath } from "./callback-path";
import { emailSchema } from "./schema";
import { accountProofSubject } from "./throttle";
import { clientIpFromHeaders } from "@/lib/http/client-ip";

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
        const now = new Date();
        const email = emailSchema.safeParse(credentials?.email);
        const subject = accountProofSubject(email.success ? email.data : "");
        const result = await authenticate(
          { email: credentials?.email, password: credentials?.password },
          clientIpFromHeaders(request.headers ?? {}),
          now,
          await provenBrowserKeyFor(subject, now),
        );
        if (result.ok) {
          // This browser knows the password: later sign-ins from it are limited on its own key.
          await rememberProvenBrowser(subject, now);
          return result.user;
        }
        if (result.reason === "throttled") throw new Error(`${THROTTLED_ERROR_PREFIX}${result.retryAfterSeconds}`);
        return null;
      },
    }),
  ],
  callbacks: {
    // Every destination next-auth follows (callbackUrl of sign-in and sign-out) stays on this origin.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, "/", baseUrl)}`;
    },
    // The token carries only the user id; role and status are re-read from the database on each check.
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user) session.user.id = token.sub ?? "";
      return session;
    },
  },
};
