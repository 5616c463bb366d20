import type { z } from "zod";
import { fieldErrorsOf, topLevelField, type FieldKey } from "@/lib/validation/field-errors";

/**
 * The one shape every Server Action returns. Messages and field errors are i18n keys. `code` marks
 * the one refusal every form must treat alike: the session is gone, so sign in again (and come back).
 */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: "sessionExpired" };

export type ActionFailure = Extract<ActionResult, { ok: false }>;

export function invalidInput(error: z.ZodError, keyOf: FieldKey = topLevelField): ActionFailure {
  return { ok: false, message: "errors.checkFields", fieldErrors: fieldErrorsOf(error, keyOf) };
}

export function failure(message: string, fieldErrors?: Record<string, string[]>): ActionFailure {
  return { ok: false, message, fieldErrors };
}

export const SESSION_EXPIRED_MESSAGE = "errors.sessionExpired";

/** The answer to an action that needs a signed-in account when the request carries no live session. */
export function sessionExpired(): ActionFailure {
  return { ok: false, message: SESSION_EXPIRED_MESSAGE, code: "sessionExpired" };
}

export function isSessionExpired(result: { ok: boolean; code?: string } | null | undefined): boolean {
  return result?.ok === false && result.code === "sessionExpired";
}
