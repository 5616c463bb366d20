/** Attempts before a message is given up (FAILED) for staff to look at. */
export const MAX_ATTEMPTS = 8;

const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 30 * 60_000;

/**
 * How long to wait after the given number of failed attempts: 30 s, 1 min, 2 min, 4 min … capped
 * at 30 min. Without jitter: a provider outage is the common cause, and the worker claims in small
 * batches anyway, so a herd of retries is drained a batch at a time.
 */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(exponent, 20));
}

/** A failed send, as the worker sees it; providers throw it, or anything else (= transient). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** Retrying cannot help (the server refused the message or the address). */
    readonly permanent: boolean,
    /**
     * SMS providers that may have accepted the message all the same (a timeout, a connection cut
     * before the answer): the row remembers them and never sends through them again (decision 033).
     */
    readonly uncertainProviders: readonly string[] = [],
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

type SmtpLikeError = { code?: unknown; responseCode?: unknown; message?: unknown };

/**
 * SMTP replies decide: 5xx refuses this message for good, 4xx asks to come back later. Errors
 * without a reply (connection refused, timeout, TLS) are transient. An authentication failure is
 * a configuration problem, not the message's: retried, so fixing SMTP_URL delivers the backlog.
 */
export function classifySmtpError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const { code, responseCode, message } = (
    typeof error === "object" && error !== null ? error : {}
  ) as SmtpLikeError;
  const reply = typeof responseCode === "number" ? responseCode : null;
  const permanent =
    code !== "EAUTH" &&
    ((reply !== null && reply >= 500 && reply < 600) || (reply === null && code === "EENVELOPE"));
  const label = [typeof code === "string" ? code : "ERROR", reply].filter((part) => part !== null).join(" ");
  return new DeliveryError(`${label}: ${typeof message === "string" ? message : String(error)}`, permanent);
}

/**
 * What is stored in last_error: the provider's message (it may name the recipient's address,
 * which the row holds anyway), one line, bounded. Never a stack trace or the message body.
 */
export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim().slice(0, 500) || "unknown error";
}
