// What never reaches a log line: ID numbers, phone numbers, email addresses, passwords, tokens,
// cookies and authorization headers. Two passes (decision 020): values under a telling key are
// replaced before serialization, and every finished line is scrubbed by pattern, because free text
// (a message, an error's message and stack, an SMTP reply quoting an address) has no keys.

export const REDACTED = "[redacted]";

/** Keys whose values are secret or personal whatever they look like. */
const SECRET_KEY =
  /pass(word|wd|phrase)?|secret|token|cookie|authorization|api_?key|credential|id_?number|phone|mobile|e_?mail|to_?address/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Copies plain objects and arrays with secret keys' values replaced. Anything else (Errors, Dates,
 * Buffers, class instances) is left as it is: walking an Error would turn it into `{}`, and a
 * Buffer's own keys are bytes. Their text is caught by the line pass.
 */
export function redactKeys<T>(value: T, depth = 0): T {
  if (depth > 8) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => redactKeys(item, depth + 1)) as T;
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    copy[key] = isSecretKey(key) && item != null ? REDACTED : redactKeys(item, depth + 1);
  return copy as T;
}

// The line is JSON: "\n" inside a string is a backslash and an "n", so a letter right after a
// backslash does not count as a neighbour of the value.
const NOT_AFTER_WORD = String.raw`(?<!(?<!\\)[0-9A-Za-z])`;

const LINE_PATTERNS: readonly [RegExp, string][] = [
  // Authorization header values, in headers or quoted in text.
  [/\b(Bearer|Basic|Digest)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`],
  // JSON Web Tokens (session cookies, reset links) wherever they appear.
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // name=value pairs of cookies and query strings whose name says secret (next-auth.session-token=…, ?token=…).
  [
    /([A-Za-z0-9_.-]*(?:token|secret|password|passwd|session|api_?key)[A-Za-z0-9_.-]*=)[^\s;&"\\,]+/gi,
    `$1${REDACTED}`,
  ],
  // A Cookie or Authorization header quoted in text.
  [/\b((?:set-)?cookie|authorization)(["']?\s*[:=]\s*["']?)[^"\\\n]+/gi, `$1$2${REDACTED}`],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, REDACTED],
  // Resident ID (PRC, 18 characters: area, birth date, sequence, check digit or X).
  [
    new RegExp(
      String.raw`${NOT_AFTER_WORD}\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])`,
      "g",
    ),
    REDACTED,
  ],
  // Mainland mobile numbers, with or without +86 (not inside a longer token such as a UUID).
  [new RegExp(String.raw`${NOT_AFTER_WORD}(?:\+?86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])`, "g"), REDACTED],
  // International numbers written with a plus.
  [/\+\d[\d -]{7,16}\d(?!\d)/g, REDACTED],
];

/** Replaces every secret-looking value in a finished (JSON) log line. */
export function scrubLine(line: string): string {
  let scrubbed = line;
  for (const [pattern, replacement] of LINE_PATTERNS) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}
