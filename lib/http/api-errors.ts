import type { ZodError } from "zod";
import type { LookupMessage } from "@/lib/lookup/lookup-fields";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

// The machine codes API routes answer with, in one place. They are a public contract: clients branch
// on them, so they never change when a translation key is renamed or reworded (decision 014).

const API_ERROR_STATUS = {
  invalid_json: 400,
  invalid_request: 400,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  internal_error: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** Why a field was refused, for API clients: never the input, never a translation key. */
export type FieldProblem =
  "required" | "format" | "checkCharacter" | "checksum" | "birthDate" | "idTypeRequired";

// Every message a field check can give maps to a code (the compiler checks that none is missing).
const FIELD_PROBLEMS = {
  "validation.required": "required",
  "track.errors.idTypeRequired": "idTypeRequired",
  "track.errors.applicationNumber.format": "format",
  "track.errors.applicationNumber.checkCharacter": "checkCharacter",
  "track.errors.idNumber.format": "format",
  "track.errors.idNumber.checksum": "checksum",
  "track.errors.idNumber.birthDate": "birthDate",
} as const satisfies Record<LookupMessage, FieldProblem>;

/** The first problem of each field, as codes (a message without a code is plainly "format"). */
export function fieldProblems(error: ZodError): Record<string, FieldProblem> {
  return Object.fromEntries(
    Object.entries(fieldErrorsOf(error)).map(([field, [message]]) => [
      field,
      FIELD_PROBLEMS[message as LookupMessage] ?? "format",
    ]),
  );
}

/** A JSON error answer: `{ error: code, ...details }` with the code's status. */
export function apiError(
  code: ApiErrorCode,
  init: { details?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Response {
  return Response.json(
    { error: code, ...init.details },
    { status: API_ERROR_STATUS[code], headers: init.headers },
  );
}
