// Parsed against a placeholder origin that can never be a real host (".invalid", RFC 2606).
const PLACEHOLDER_ORIGIN = "https://expedite.invalid";
const MAX_LENGTH = 2048;

/**
 * The one gate for every return address the app follows (sign-in page, /signin/continue,
 * registration, email confirmation, next-auth's redirect callback): a same-origin path, or `fallback`.
 *
 * Checking the text ("starts with / but not //") is not enough, because browsers rewrite a URL
 * before using it: they drop tabs and newlines anywhere ("/\t/evil.example" becomes
 * "//evil.example") and read "\" as "/". So the value is parsed the way a browser would, with the
 * WHATWG URL parser, and only its path, query and fragment are kept — and only if it stayed on our
 * origin. Control characters and backslashes are refused outright: no link of ours contains them.
 * `appOrigin` (e.g. next-auth's baseUrl) also admits absolute URLs on exactly that origin.
 */
export function safeCallbackPath(raw: unknown, fallback: string, appOrigin?: string): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  // A path, or (with appOrigin) an absolute URL; nothing relative to where it happens to be read.
  const absolute = !raw.startsWith("/");
  if (absolute && appOrigin === undefined) return fallback;
  let url: URL;
  try {
    url = absolute ? new URL(raw) : new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  const sameOrigin = absolute ? url.origin === originOf(appOrigin!) : url.origin === PLACEHOLDER_ORIGIN;
  if (!sameOrigin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" parses to the path "//evil.example", which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}

function originOf(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}
