import type { z } from "zod";
import { fieldErrorsOf, topLevelField, type FieldKey } from "@/lib/validation/field-errors";

/** The one shape every Server Action returns. Messages and field errors are i18n keys. */
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export type ActionFailure = Extract<ActionResult, { ok: false }>;

export function invalidInput(error: z.ZodError, keyOf: FieldKey = topLevelField): ActionFailure {
  return { ok: false, message: "errors.checkFields", fieldErrors: fieldErrorsOf(error, keyOf) };
}

export function failure(message: string, fieldErrors?: Record<string, string[]>): ActionFailure {
  return { ok: false, message, fieldErrors };
}
