import type { IncomingMessage, ServerResponse } from "node:http";
import type { ReadinessProbe } from "./readiness";

export const LIVE_PATH = "/api/health/live";
export const READY_PATH = "/api/health/ready";

/**
 * Answers the two probes in the Node server, before Next (decision 022): live = this process
 * answers (no database: a restart would not fix a database outage); ready = readiness.ts. Returns
 * false for every other request. `/api/health` (a Next route) stays as it was.
 */
export function answerHealthProbe(
  request: IncomingMessage,
  response: ServerResponse,
  readiness: Pick<ReadinessProbe, "check">,
): boolean {
  const path = (request.url ?? "").split("?")[0];
  if (path !== LIVE_PATH && path !== READY_PATH) return false;
  if (request.method !== "GET" && request.method !== "HEAD") {
    send(response, 405, { ok: false, reason: "method_not_allowed" }, { Allow: "GET, HEAD" });
    return true;
  }
  if (path === LIVE_PATH) {
    send(response, 200, { ok: true });
    return true;
  }
  readiness.check().then(
    (result) => send(response, result.ok ? 200 : 503, result),
    () => send(response, 503, { ok: false, reason: "database_unreachable" }),
  );
  return true;
}

function send(response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
    ...headers,
  });
  response.end(response.req.method === "HEAD" ? undefined : text);
}
