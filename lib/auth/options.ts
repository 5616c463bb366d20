import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./authenticate";
import { safeCallbackPath } from "./callback-path";
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
        const result = await authenticate(
          { email: credentials?.email, password: credentials?.password },
          clientIpFromHeaders(request.headers ?? {}),
        );
        if (result.ok) return result.user;
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
