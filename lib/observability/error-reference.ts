import { headers } from "next/headers";
import { REQUEST_ID_HEADER, SAFE_REQUEST_ID } from "./request-id";

/** The current request's id (scripts/server.ts sets it); null outside a request. */
export async function currentRequestId(): Promise<string | null> {
  try {
    const id = (await headers()).get(REQUEST_ID_HEADER);
    return id && SAFE_REQUEST_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/**
 * A new error for this request whose digest is the request id. Next keeps a digest an error
 * already has (it computes one only for errors without), and error pages show the digest as the
 * reference: so the page, the X-Request-Id header and every log line of the request agree. A new
 * error, because the one given may be shared by concurrent requests (one database probe).
 */
export function withRequestReference(error: unknown, requestId: string | null): unknown {
  if (!requestId) return error;
  const copy = new Error(error instanceof Error ? error.message : String(error), { cause: error });
  copy.name = error instanceof Error ? error.name : "Error";
  return Object.assign(copy, { digest: requestId });
}
