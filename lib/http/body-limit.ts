/**
 * The largest request body anyone may send: one evidence file (MAX_FILE_BYTES, 10 MB) plus the
 * form around it, with room to spare. next.config.ts gives Server Actions this limit and lets
 * the proxy buffer a little more, so a body near the limit reaches the action whole (a shorter
 * proxy buffer truncated it: "Unexpected end of form", a 500) and the action answers
 * evidence.tooLarge for a file over 10 MB. Bodies that announce more are refused up front
 * (scripts/server.ts) with 413 before a byte of them is read.
 */
export const MAX_REQUEST_BODY_BYTES = 12 * 1024 * 1024;

/** What the proxy may buffer: above the action limit, so the action's own 413 wins, never a cut-off body. */
export const PROXY_BODY_BUFFER_BYTES = MAX_REQUEST_BODY_BYTES + 1024 * 1024;

/** Whether a request's Content-Length announces more than we accept (absent or malformed: let Next count). */
export function announcesTooLargeBody(contentLength: string | string[] | undefined): boolean {
  const value = Array.isArray(contentLength) ? contentLength[0] : contentLength;
  if (!value || !/^\d+$/.test(value.trim())) return false;
  return Number(value.trim()) > MAX_REQUEST_BODY_BYTES;
}
