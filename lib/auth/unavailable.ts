import "server-only";
import { randomBytes } from "node:crypto";
import { logger } from "@/lib/observability/logger";

/**
 * Error code the sign-in form maps to "the service is unavailable" plus the reference after the
 * prefix. next-auth puts an error thrown from `authorize` into the answer (and the `?error=` of
 * the redirect) verbatim, so nothing else may ever be thrown from there: a database error's text
 * names the host and port.
 */
export const UNAVAILABLE_ERROR_PREFIX = "unavailable:";

/** Runs the sign-in work; an unexpected failure is logged with a reference and comes back as a bare code. */
export async function orUnavailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const reference = randomBytes(5).toString("hex");
    logger().error(
      { err: error, event: "sign-in", reference },
      `[error ${reference}] sign-in failed unexpectedly`,
    );
    throw new Error(`${UNAVAILABLE_ERROR_PREFIX}${reference}`);
  }
}
