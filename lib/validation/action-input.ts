import { failure, type ActionFailure } from "@/lib/action-result";

// A Server Action is a public endpoint: whoever posts to it chooses what its arguments decode to
// (a string, a number, null, a plain object …), whatever its TypeScript signature says. Each action
// checks its argument with this before touching it, so a wrong type is a refusal, not a 500.

export const MALFORMED_REQUEST = "errors.malformedRequest";

export function isFormData(value: unknown): value is FormData {
  return value instanceof FormData;
}

/** The refusal for an argument of the wrong shape (the form never sends one). */
export function malformedRequest(): ActionFailure {
  return failure(MALFORMED_REQUEST);
}
