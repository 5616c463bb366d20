import { text } from "@/lib/validation/text";

// The name on an identity document (issue 15 item 12, decision 028), for the server schemas and
// the forms alike. Messages are i18n keys, translated where they are shown.

/**
 * Shortest and longest accepted, in characters (code points) after normalizing. Mainland names
 * have at least two characters (surname and given name); a passport's machine-readable zone holds
 * 39 characters of name (ICAO 9303, TD3), and resident ID cards print far fewer.
 */
export const PERSON_NAME_MIN_LENGTH = 2;
export const PERSON_NAME_MAX_LENGTH = 40;

export const PERSON_NAME_LENGTH_MESSAGE = "validation.personNameLength";
export const PERSON_NAME_INVALID_MESSAGE = "validation.personNameInvalid";

// What keyboards type for the same mark, written as the ID card writes it: the middle dot of
// minority and foreign names (U+00B7; ・ and ･ from Japanese input, ‧ from some Taiwanese input),
// the apostrophe (phones' "smart" ’ and the modifier letter ʼ), the hyphen (U+2010, U+2011), and
// the ideographic space.
const MIDDLE_DOTS = /[\u2027\u30FB\uFF65]/g;
const APOSTROPHES = /[\u2019\u02BC]/g;
const HYPHENS = /[\u2010\u2011]/g;
const SPACES = /[\s\u3000]+/g;

/** Letters of any script, each followed by at most three combining marks, joined by at most one of space, hyphen, apostrophe or middle dot. */
const PERSON_NAME = /^\p{L}\p{M}{0,3}(?:[ '\-\u00B7]?\p{L}\p{M}{0,3})*$/u;
// Variation selectors are combining marks to Unicode, but they only turn characters into emoji.
const VARIATION_SELECTORS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

/** The name as stored: trimmed, composed (NFC), one space between words, one spelling of each mark. */
export function normalizePersonName(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(MIDDLE_DOTS, "\u00B7")
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, "-")
    .replace(SPACES, " ")
    .trim();
}

export function isPersonName(normalized: string): boolean {
  return !VARIATION_SELECTORS.test(normalized) && PERSON_NAME.test(normalized);
}

/** The one message for a normalized name, or null when it is a name; one check, not a chain, because an aborting check would also stop the form's cross-field checks. */
export function personNameProblem(normalized: string): string | null {
  if (normalized === "") return "validation.required";
  const length = [...normalized].length;
  if (length < PERSON_NAME_MIN_LENGTH || length > PERSON_NAME_MAX_LENGTH) return PERSON_NAME_LENGTH_MESSAGE;
  return isPersonName(normalized) ? null : PERSON_NAME_INVALID_MESSAGE;
}

/** A person's legal name, as on their identity document; parses to the normalized name. */
export const personNameSchema = text("validation.required")
  .transform(normalizePersonName)
  .superRefine((name, ctx) => {
    const message = personNameProblem(name);
    if (message) ctx.addIssue({ code: "custom", message });
  });
