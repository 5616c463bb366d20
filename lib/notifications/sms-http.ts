import { DeliveryError } from "./retry-policy";

/**
 * Connection errors that mean the request never left this machine or never reached the provider
 * (nothing listening, no such host, a certificate refused before anything was sent): sending it
 * again, or elsewhere, cannot make a second copy. Anything else (a reset, a closed socket, our own
 * timeout) may have come after the provider took the message (decision 033).
 */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

export type ProviderAnswer = { status: number; body: string };

/** POSTs to an SMS provider; a failure to get an answer becomes a DeliveryError that says whether it may have been sent. */
export async function postToProvider(
  provider: string,
  url: string,
  init: { headers: Record<string, string>; body: string },
  signal?: AbortSignal,
): Promise<ProviderAnswer> {
  try {
    const response = await fetch(url, { method: "POST", ...init, signal, redirect: "error" });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    const code = errorCode(error);
    if (!signal?.aborted && code && NOT_SENT.has(code))
      throw new DeliveryError(`${provider}: ${code}, not sent`, false);
    const what = signal?.aborted ? "no answer in time" : (code ?? describe(error));
    throw new DeliveryError(`${provider}: ${what}; it may have been accepted`, false, [provider]);
  }
}

/** undici puts the socket's error code on `cause` (or on each error of an AggregateError). */
function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === "string") return code;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The JSON of an answer, or null when it is not JSON (an HTML error page from a proxy). */
export function parseJsonAnswer(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
