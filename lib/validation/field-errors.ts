// The one way a zod error becomes per-field messages, for Server Actions, forms and API routes alike.
// Messages are i18n keys; API routes turn them into stable codes (lib/http/api-errors.ts).

export type FieldErrors = Record<string, string[]>;

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

/** Which form field an issue belongs to, from its path. */
export type FieldKey = (path: readonly PropertyKey[]) => string;

/** The top-level field ("evidenceIds" for `evidenceIds.2`): what flat forms show beside an input. */
export const topLevelField: FieldKey = (path) => (path.length > 0 ? String(path[0]) : "form");

/** The whole path ("targets.EXPRESS"), for forms whose inputs are named after nested fields. */
export const wholePath: FieldKey = (path) => path.map(String).join(".") || "form";

export function fieldErrorsOf(
  error: { readonly issues: readonly Issue[] },
  keyOf: FieldKey = topLevelField,
): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) (fieldErrors[keyOf(issue.path)] ??= []).push(issue.message);
  return fieldErrors;
}

/** The first message of each field, for inputs that show one message at a time. */
export function firstErrors(fieldErrors: FieldErrors): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors).flatMap(([field, messages]) => (messages[0] ? [[field, messages[0]]] : [])),
  );
}
