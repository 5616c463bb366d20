import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";

// Every request gets one id in scripts/server.ts, before Next sees it: in the request headers (so
// Server Components, actions and route handlers read it), in the response (X-Request-Id) and in
// the access line. A proxy we trust may hand us its own (nginx: `proxy_set_header X-Request-Id
// $request_id`), so one id follows the request through both logs.

export const REQUEST_ID_HEADER = "x-request-id";

/** What we accept as an id from elsewhere: a short plain token, nothing a log or header could trip on. */
export const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestIdFor(incoming: string | string[] | undefined, fromTrustedProxy: boolean): string {
  const given = Array.isArray(incoming) ? undefined : incoming;
  return fromTrustedProxy && given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Mints (or accepts) the id and puts it on the request and the response; returns it. */
export function assignRequestId(
  request: IncomingMessage,
  response: ServerResponse,
  fromTrustedProxy: boolean,
): string {
  const id = requestIdFor(request.headers[REQUEST_ID_HEADER], fromTrustedProxy);
  request.headers[REQUEST_ID_HEADER] = id;
  response.setHeader("X-Request-Id", id);
  return id;
}

// Build output and icons: many per page and never interesting unless something is wrong.
const QUIET_PATHS = /^\/(_next\/static\/|_next\/image|favicon\.ico$|icon|apple-icon)/;

/** The path without its query string (tokens and search terms travel there), at most 200 characters. */
export function loggedPath(url: string | undefined): string {
  return (url ?? "/").split(/[?#]/, 1)[0]!.slice(0, 200);
}

/** One access line when the response is done (or the client went away): method, path, status, ms, id. */
export function logAccess(
  log: Logger,
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
  started = performance.now(),
): void {
  response.once("close", () => {
    const path = loggedPath(request.url);
    const line = {
      event: "request",
      method: request.method,
      path,
      status: response.statusCode,
      durationMs: Math.round(performance.now() - started),
      requestId,
      ...(response.writableFinished ? {} : { aborted: true }),
    };
    const message = `${request.method} ${path} ${response.statusCode}`;
    if (response.statusCode >= 500) log.error(line, message);
    else if (QUIET_PATHS.test(path)) log.debug(line, message);
    else log.info(line, message);
  });
}
