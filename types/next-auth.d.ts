import "next-auth";
import "next-auth/jwt";

// The session holds no name, email or picture (lib/auth/session-token.ts): only what finds the account.
declare module "next-auth" {
  interface Session {
    user: { id: string; sessionVersion: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The account's session version when the token was issued. */
    sv?: number;
  }
}
