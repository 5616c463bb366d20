import { logger } from "./logger";
import { observeHandler } from "./metrics";
import { REQUEST_ID_HEADER, SAFE_REQUEST_ID } from "./request-id";

// Every route handler is wrapped once (`export const GET = routeHandler("track.lookup", …)`): one log
// line per call with its name, outcome, status, duration and request id, and the same numbers in
// the handler histogram. Names, not paths, label the metrics: paths carry ids.

export type RouteOutcome = "ok" | "refused" | "error";

export function outcomeOf(status: number): RouteOutcome {
  return status >= 500 ? "error" : status >= 400 ? "refused" : "ok";
}

export function requestIdOf(request: Request): string | null {
  const id = request.headers.get(REQUEST_ID_HEADER);
  return id && SAFE_REQUEST_ID.test(id) ? id : null;
}

/**
 * Wraps a route handler. The time is until the Response is returned: a streamed body (CSV export,
 * evidence download) goes on after it; the server's access line has the full time.
 */
export function routeHandler<Rest extends unknown[]>(
  name: string,
  handler: (request: Request, ...rest: Rest) => Response | Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const started = performance.now();
    const finish = (outcome: RouteOutcome, status: number | null, error?: unknown) => {
      const seconds = (performance.now() - started) / 1000;
      observeHandler("route", name, outcome, seconds);
      const line = {
        event: "route",
        route: name,
        method: request.method,
        outcome,
        status,
        durationMs: Math.round(seconds * 1000),
        requestId: requestIdOf(request),
        // The class only, as for actions: a message can quote stored values no pattern knows (a name).
        ...(error === undefined ? {} : { error: error instanceof Error ? error.name : typeof error }),
      };
      if (outcome === "error") logger().error(line, `route ${name} failed`);
      else logger().info(line, `route ${name} ${outcome}`);
    };
    let response: Response;
    try {
      response = await handler(request, ...rest);
    } catch (error) {
      finish("error", null, error);
      throw error;
    }
    finish(outcomeOf(response.status), response.status);
    return response;
  };
}
