import "server-only";
import { headers } from "next/headers";
import { clientIpFromHeaders } from "@/lib/http/client-ip";

// One JSON line per Server Action (house style: name, outcome, duration, request id). Console-based
// until the structured logger arrives (issue 14); the line never carries input, only what happened.

export type ActionOutcome =
  "ok" | "refused" | "invalid" | "malformed" | "unauthorized" | "throttled" | "error";

// A request id comes from whoever is in front of us: accept only a short plain token.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The client address and request id of the current request; none outside a request (scripts, tests). */
export async function requestFacts(): Promise<{ ip: string | null; requestId: string | null }> {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return { ip: null, requestId: null };
  }
  const requestId = requestHeaders.get("x-request-id");
  return {
    ip: clientIpFromHeaders(requestHeaders),
    requestId: requestId && REQUEST_ID.test(requestId) ? requestId : null,
  };
}

export function logAction(entry: {
  name: string;
  outcome: ActionOutcome;
  started: number;
  requestId: string | null;
  error?: unknown;
}) {
  const line = JSON.stringify({
    event: "action",
    action: entry.name,
    outcome: entry.outcome,
    durationMs: Math.round(performance.now() - entry.started),
    requestId: entry.requestId,
    // The error's class only: messages can quote stored values (a unique key, a query parameter).
    ...(entry.error === undefined
      ? {}
      : { error: entry.error instanceof Error ? entry.error.name : typeof entry.error }),
  });
  if (entry.outcome === "error") console.error(line);
  else console.info(line);
}
