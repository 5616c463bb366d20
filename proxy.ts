import { withAuth } from "next-auth/middleware";

// A fast first gate that sends visitors without a session to sign in. It is not the authorization:
// every page and every data function re-checks the account and its role against the database.
export default withAuth({ pages: { signIn: "/signin" } });

export const config = { matcher: ["/portal/:path*", "/console/:path*"] };
