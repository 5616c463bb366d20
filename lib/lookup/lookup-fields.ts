import {
  validateApplicationNumber,
  type ApplicationNumberError,
} from "@/lib/applications/application-number";
import {
  ID_TYPES,
  normalizeIdNumber,
  validateIdNumber,
  type IdNumberError,
  type IdType,
} from "@/lib/identity/id-number";

// The lookup's field checks as plain functions: the lookup page runs them in the browser before
// any request (a typo never costs an attempt against the throttle) without shipping zod to a page
// opened on phones at night, and `lookupSchema` runs exactly these on the server.
// Messages are i18n keys, translated where they are shown.

export type LookupField = "number" | "idType" | "idNumber";
/** Every message a lookup field check gives (API routes map each to a stable code). */
export type LookupMessage =
  | "validation.required"
  | "track.errors.idTypeRequired"
  | `track.errors.${ApplicationNumberError | IdNumberError}`;
export type LookupFieldErrors = Partial<Record<LookupField, LookupMessage>>;
export type LookupFields = { number: string; idType: IdType; idNumber: string };

const MAX_INPUT_LENGTH = 40;

/** The application number as typed → its canonical form, or the key of what is wrong with it. */
export function checkApplicationNumber(
  raw: unknown,
): { ok: true; number: string } | { ok: false; error: LookupMessage } {
  const text = typeof raw === "string" ? raw.trim() : "";
  if (!text) return { ok: false, error: "validation.required" };
  if (text.length > MAX_INPUT_LENGTH) return { ok: false, error: "track.errors.applicationNumber.format" };
  const result = validateApplicationNumber(text);
  return result.ok
    ? { ok: true, number: result.number }
    : { ok: false, error: `track.errors.${result.error}` };
}

const isIdType = (value: unknown): value is IdType => (ID_TYPES as readonly unknown[]).includes(value);

/** All three fields at once, so the form can point at every mistake, not only the first. */
export function checkLookupFields(
  raw: Record<string, unknown>,
): { ok: true; value: LookupFields } | { ok: false; errors: LookupFieldErrors } {
  const errors: LookupFieldErrors = {};
  const number = checkApplicationNumber(raw.number);
  if (!number.ok) errors.number = number.error;
  const idType = isIdType(raw.idType) ? raw.idType : null;
  if (!idType) errors.idType = "track.errors.idTypeRequired";
  const idNumber = typeof raw.idNumber === "string" ? raw.idNumber.trim() : "";
  if (!idNumber) errors.idNumber = "validation.required";
  else if (idNumber.length > MAX_INPUT_LENGTH) errors.idNumber = "track.errors.idNumber.format";
  else if (idType) {
    // Every stored case passed this check when it was filed, so a number failing it can match nothing.
    const id = validateIdNumber(idType, idNumber);
    if (!id.ok) errors.idNumber = `track.errors.${id.error}`;
  }
  if (!number.ok || !idType || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { number: number.number, idType, idNumber: normalizeIdNumber(idType, idNumber) },
  };
}
