import "server-only";
import { headers } from "next/headers";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { logger } from "@/lib/observability/logger";
import { observeHandler } from "@/lib/observability/metrics";
import { REQUEST_ID_HEADER, SAFE_REQUEST_ID } from "@/lib/observability/request-id";

// One log line per Server Action (house style: name, outcome, duration, request id) on the
// structured logger, and the same numbers in the handler histogram. The line never carries input,
// only what happened.

export type ActionOutcome =
  "ok" | "refused" | "invalid" | "malformed" | "unauthorized" | "throttled" | "error";

/** The client address and request id of the current request; none outside a request (scripts, tests). */
export async function requestFacts(): Promise<{ ip: string | null; requestId: string | null }> {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return { ip: null, requestId: null };
  }
  // scripts/server.ts sets it on every request; checked again because whoever is in front chose it.
  const requestId = requestHeaders.get(REQUEST_ID_HEADER);
  return {
    ip: clientIpFromHeaders(requestHeaders),
    requestId: requestId && SAFE_REQUEST_ID.test(requestId) ? requestId : null,
  };
}

export function logAction(entry: {
  name: string;
  outcome: ActionOutcome;
  started: number;
  requestId: string | null;
  error?: unknown;
}) {
  const seconds = (performance.now() - entry.started) / 1000;
  observeHandler("action", entry.name, entry.outcome, seconds);
  const line = {
    event: "action",
    action: entry.name,
    outcome: entry.outcome,
    durationMs: Math.round(seconds * 1000),
    requestId: entry.requestId,
    // The error's class only: messages can quote stored values (a unique key, a query parameter).
    ...(entry.error === undefined
      ? {}
      : { error: entry.error instanceof Error ? entry.error.name : typeof entry.error }),
  };
  if (entry.outcome === "error") logger().error(line, `action ${entry.name} failed`);
  else logger().info(line, `action ${entry.name} ${entry.outcome}`);
}
