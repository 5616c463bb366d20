import { createTranslator } from "next-intl";
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH } from "@/lib/applications/schema";
import { LIMIT_MESSAGE_VALUES } from "@/lib/evidence/limits";
import type { Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { problemDetail, type FieldProblem } from "./problem";

// The web forms' reasons, as an API gives them: a field path, a code a client can branch on, and the
// same sentence the form shows, in the caller's language. One source: the zod schemas' message keys.

type Issue = {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
};

// Values the form messages interpolate ({min}, {max}, {maxFileMb}, …), as the apply form passes them.
const MESSAGE_VALUES = { min: REASON_MIN_LENGTH, max: REASON_MAX_LENGTH, ...LIMIT_MESSAGE_VALUES };

const MESSAGE_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z][\w]*)+$/;

async function translatorFor(locale: Locale) {
  const translate = createTranslator({
    locale,
    messages: await loadMessages(locale),
    onError: () => {},
    getMessageFallback: () => "",
  });
  return (key: string) => translate(key as never, MESSAGE_VALUES as never) as string;
}

/** A message key's last part ("apply.errors.reasonTooShort" → "reasonTooShort"), or zod's code. */
function codeOf(message: string, fallback: string): string {
  return MESSAGE_KEY.test(message) ? message.slice(message.lastIndexOf(".") + 1) : fallback;
}

/** zod issues (whose messages are the forms' i18n keys) as the API's field problems. */
export async function fieldProblemsOf(issues: readonly Issue[], locale: Locale): Promise<FieldProblem[]> {
  const t = await translatorFor(locale);
  return issues.flatMap((issue): FieldProblem[] => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys")
      return (issue.keys ?? []).map((key) => ({
        field: path ? `${path}.${key}` : key,
        code: "unknown_field",
        message: problemDetail("unknownField", locale),
      }));
    const translated = MESSAGE_KEY.test(issue.message) ? t(issue.message) : "";
    return [
      {
        field: path || "body",
        code: codeOf(issue.message, issue.code),
        message: translated || problemDetail("invalidField", locale),
      },
    ];
  });
}

/** A lib/ refusal's per-field message keys (UserFacingError.fieldErrors) as field problems. */
export async function fieldErrorsAsProblems(
  fieldErrors: Record<string, string[]>,
  locale: Locale,
): Promise<FieldProblem[]> {
  return fieldProblemsOf(
    Object.entries(fieldErrors).flatMap(([field, messages]) =>
      messages.map((message) => ({ code: "custom", path: field === "form" ? [] : [field], message })),
    ),
    locale,
  );
}

/** One message key in the caller's language (a lib/ refusal without fields). */
export async function translateMessage(key: string, locale: Locale): Promise<string> {
  return (await translatorFor(locale))(key);
}
