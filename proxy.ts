import { withAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { refusalText, requestLocale } from "@/lib/http/refusal-text";
import { isCrossSiteRequest } from "@/lib/http/same-origin";

// Runs before every page and API route (not static files): refuses cross-site Server Action and
// sign-in posts, gives pages their Content-Security-Policy, and sends visitors without a session
// to sign in from /portal and /console. That last gate is not the authorization: every page and
// every data function re-checks the account and its role against the database.

const requireSignIn = withAuth((request) => withSecurityHeaders(request), { pages: { signIn: "/signin" } });

const SIGNED_IN_AREAS = /^\/(portal|console)(\/|$)/;

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  if (isCrossSiteRequest(request.method, pathname, request.headers)) {
    const locale = requestLocale(request.headers.get("cookie"), request.headers.get("accept-language"));
    return new NextResponse(refusalText("crossSiteRequest", locale), {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  if (SIGNED_IN_AREAS.test(pathname))
    return requireSignIn(request as Parameters<typeof requireSignIn>[0], event);
  return withSecurityHeaders(request);
}

/** Pages: a fresh nonce, given to Next through the request's CSP header and sent to the browser. */
function withSecurityHeaders(request: NextRequest): NextResponse {
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: request.headers.get("x-forwarded-proto") === "https",
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Everything but build assets and public files (a CSP and the checks mean nothing for those).
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg).*)"],
};
