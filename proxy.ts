import { withAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { refusalText, requestLocale } from "@/lib/http/refusal-text";
import { isCrossSiteRequest } from "@/lib/http/same-origin";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path";

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
  // A Server Action answers a missing session itself ("sign in again", lib/action-pipeline): a
  // redirect here would reach the page's script as an unreadable answer, shown as a network error.
  if (SIGNED_IN_AREAS.test(pathname) && !isServerActionPost(request))
    return markExpired(request, await requireSignIn(request as Parameters<typeof requireSignIn>[0], event));
  return withSecurityHeaders(request);
}

function isServerActionPost(request: NextRequest): boolean {
  return request.method === "POST" && request.headers.has("next-action");
}

/** Sent to sign in while the browser still held a session cookie: the sign-in page says it expired. */
function markExpired(request: NextRequest, response: Response | null | undefined | void) {
  const location = response?.headers.get("location");
  if (!response || !location || !hasSessionCookie(request)) return response;
  const target = new URL(location, request.nextUrl.origin);
  if (target.pathname !== "/signin") return response;
  target.searchParams.set("expired", "1");
  response.headers.set("location", target.toString());
  return response;
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some((cookie) => /(^|\.)next-auth\.session-token(\.\d+)?$/.test(cookie.name));
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
  // The exact page asked for (path and query), for the sign-in link of a page that finds no session.
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Everything but build assets and public files (a CSP and the checks mean nothing for those).
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg).*)"],
};
