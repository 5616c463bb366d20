import { z } from "zod";

// Postgres refuses U+0000 in text ("invalid byte sequence"), so a NUL that reaches a query is a
// 500; other C0 controls (and DEL) are never typed by a person and can hide text in logs and CSV.
// Every free-text field, filter and file name goes through one of these instead of a bare z.string().

/** C0 controls and DEL, except tab. */
const SINGLE_LINE_CONTROLS = /[\u0000-\u0008\u000A-\u001F\u007F]/;
/** Multi-line text (textareas) keeps tab, line feed and carriage return. */
const MULTI_LINE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const ALL_CONTROLS = /[\u0000-\u001F\u007F]/g;

export const CONTROL_CHARACTERS_MESSAGE = "validation.controlCharacters";

type StringParams = Parameters<typeof z.string>[0];

/**
 * A one-line text field (input type=text): refuses control characters with a localized message
 * before any other check, so a NUL never reaches Postgres. Chain .trim().min().max() as on z.string().
 */
export function text(params?: StringParams) {
  return z
    .string(params)
    .refine((value) => !SINGLE_LINE_CONTROLS.test(value), { error: CONTROL_CHARACTERS_MESSAGE, abort: true });
}

/** A textarea: like text(), but line breaks and tabs are legitimate. */
export function multilineText(params?: StringParams) {
  return z
    .string(params)
    .refine((value) => !MULTI_LINE_CONTROLS.test(value), { error: CONTROL_CHARACTERS_MESSAGE, abort: true });
}

/** Control characters removed: for list filters (never an error page) and file names (never a failed upload). */
export function stripControlCharacters(value: string): string {
  return value.replace(ALL_CONTROLS, "");
}

/** A query-string filter: control characters are dropped rather than refused. */
export function filterText() {
  return z.string().transform(stripControlCharacters);
}
