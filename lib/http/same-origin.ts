/**
 * Cross-site request refusal for state-changing requests that browsers send with cookies.
 * Next checks Server Actions' Origin against the Host but lets a request without Origin through,
 * which leaves SameSite cookies as the only defence; next-auth's own CSRF token covers only its
 * sign-in forms. Browsers mark every request with Sec-Fetch-Site, and send Origin on every POST,
 * so a real page of ours always passes and anything else (another site, a script without them) is
 * refused before it runs.
 */

type HeaderReader = { get(name: string): string | null };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Which requests must come from our own pages: Server Actions (the Next-Action header, or a POST
 * to a page: that is how a form posts without JavaScript) and next-auth's POSTs. Other API routes
 * (/api/track, the future /api/v1) are called by other systems without an Origin and are exempt.
 */
export function needsSameOrigin(method: string, pathname: string, headers: HeaderReader): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.get("next-action") !== null) return true;
  if (pathname === "/api/auth" || pathname.startsWith("/api/auth/")) return true;
  return !(pathname === "/api" || pathname.startsWith("/api/"));
}

/**
 * A browser's Sec-Fetch-Site is decisive when present (it cannot be set by page scripts); without
 * it, the Origin must name this host. `host` is the one the client addressed: X-Forwarded-Host
 * (kept only from trusted proxies, lib/http/forwarded.ts) or Host.
 */
export function comesFromSameOrigin(headers: HeaderReader, host: string | null): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site.trim().toLowerCase() === "same-origin";
  const origin = headers.get("origin");
  if (!origin || !host) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === "https:" || url.protocol === "http:") && url.host === host.trim().toLowerCase();
  } catch {
    return false;
  }
}

/** The host the client addressed, from headers our server has already cleaned. */
export function requestHost(headers: HeaderReader): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/** True when the request must be refused with 403. */
export function isCrossSiteRequest(method: string, pathname: string, headers: HeaderReader): boolean {
  return needsSameOrigin(method, pathname, headers) && !comesFromSameOrigin(headers, requestHost(headers));
}
