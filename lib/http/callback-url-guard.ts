// next-auth refuses a callbackUrl (query parameter or its callback-url cookie) that does not parse
// as an http(s) URL by answering 500 "server configuration" (next-auth/core/lib/assert.js): any
// `/api/auth/…?callbackUrl=%00` was a 500. The route answers those 400 before next-auth sees them.
// Whether a valid URL is an allowed target is decided elsewhere (the redirect callback).

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** The same test next-auth applies, so whatever passes here passes there. */
function isHttpUrl(value: string, base: string): boolean {
  try {
    return /^https?:/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

function cookieValues(header: string | null, names: string[]): string[] {
  const values: string[] = [];
  for (const pair of (header ?? "").split(";")) {
    const separator = pair.indexOf("=");
    if (separator < 0 || !names.includes(pair.slice(0, separator).trim())) continue;
    const raw = pair.slice(separator + 1).trim();
    try {
      values.push(decodeURIComponent(raw));
    } catch {
      values.push(raw);
    }
  }
  return values;
}

/** A 400 for a request next-auth would answer 500 because of its callback URL; null otherwise. */
export function unreadableCallbackUrl(request: Request): Response | null {
  const url = new URL(request.url);
  const candidates = [
    ...url.searchParams.getAll("callbackUrl"),
    ...cookieValues(request.headers.get("cookie"), CALLBACK_COOKIES),
  ];
  if (candidates.every((value) => value === "" || isHttpUrl(value, url.origin))) return null;
  return Response.json(
    { error: "invalid_callback_url" },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}
