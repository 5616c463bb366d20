/**
 * Request header the proxy sets on every page request: the path and query the browser asked for.
 * Pages read it to send someone without a session to sign in and back to exactly that page. The
 * proxy overwrites whatever a client sent under this name, and every reader still passes it through
 * the callback guard (lib/auth/callback-path.ts).
 */
export const REQUEST_PATH_HEADER = "x-expedite-request-path";
