import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { accountProofSubject } from "@/lib/auth/throttle";
import { unlockedAccountEmail } from "@/lib/auth/unlock-mutations";
import { PROVEN_BROWSER_COOKIE } from "@/lib/rate-limit/proven-browser";
import { provenBrowserCookie } from "@/lib/rate-limit/proven-browser-cookie";
import { routeHandler } from "@/lib/observability/route-handler";

export const dynamic = "force-dynamic";

/**
 * The emailed unlock link (decision 008): a valid token makes this browser a proven one for the
 * account, then the sign-in page says so. Safe to open twice or by a mail scanner: it signs nobody
 * in and only ever adds this browser's own budget.
 */
export const GET = routeHandler("signin.unlock", async function GET(request: Request) {
  const now = new Date();
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const email = token.length <= 200 ? await unlockedAccountEmail(token, now) : null;
  // A relative Location: behind our server and proxies, the request's own URL may name the bind
  // address (0.0.0.0) rather than the origin the browser used, and the cookie would not follow.
  const response = new NextResponse(null, {
    status: 303,
    headers: {
      Location: `/signin?unlock=${email ? "ok" : "invalid"}`,
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
  // On the response itself: a redirect built here does not carry what cookies() was told.
  if (email)
    response.cookies.set(
      provenBrowserCookie(
        (await cookies()).get(PROVEN_BROWSER_COOKIE)?.value,
        accountProofSubject(email),
        now,
      ),
    );
  return response;
});
