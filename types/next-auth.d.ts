import "next-auth";
import "next-auth/jwt";

// The session holds no name, email or picture (lib/auth/session-token.ts): only what finds the account.
declare module "next-auth" {
  interface User {
    /** Chosen at sign-in ("this is a shared computer"); carried into the token as `sd`. */
    sharedDevice?: boolean;
  }
  interface Session {
    /** sharedDevice: "this is a shared computer" was chosen at sign-in (nothing is kept on the device). */
    user: { id: string; sessionVersion: number; sharedDevice?: boolean };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The account's session version when the token was issued. */
    sv?: number;
    /** Signed in on a shared computer: the browser keeps no drafts for this session. */
    sd?: boolean;
  }
}
