/**
 * What a Chinese text may carry besides Chinese: the house rule (issue 15, one language per page)
 * checked by chinese-messages.test.ts over every zh message. Kept short on purpose; each entry
 * says why a reader of a Chinese page still needs it in Latin letters.
 */
export const LATIN_WORDS_ALLOWED_IN_CHINESE = new Set([
  // The brand, written beside 加急通.
  "Expedite",
  // File formats and units exactly as the file picker, the operating system and the limit say them.
  "PDF",
  "JPEG",
  "PNG",
  "WebP",
  "CSV",
  "HTML",
  "MB",
  "KB",
  // Protocols and products an administrator configures or opens by that name.
  "SMTP",
  "SMS",
  "Excel",
  // What a developer sends and reads in the partner API's documentation and its error titles.
  "API",
  "JSON",
  // A language's own name in the language switcher list.
  "English",
  // The check digit of a resident ID number, and the application number's prefix, as printed.
  "X",
  "EX",
]);

/** Terms with one agreed Chinese wording: the left one must not appear, the right one is used. */
export const CHINESE_TERMS = { 结果文书: "结果文件" } as const;

// ICU placeholders and their branches ({count, plural, one {…} other {…}}): text inside branches
// is still checked, the argument names are not.
const PLACEHOLDER = /\{\s*[\w.]+\s*(,\s*\w+\s*(,[^{}]*)?)?\}/g;
const ICU_HEAD = /\{\s*[\w.]+\s*,\s*(plural|select|selectordinal)\s*,/g;
const ICU_SELECTOR = /(=\d+|\b(zero|one|two|few|many|other|\w+))\s*\{/g;
/** Literal codes: text a user types or reads off a document, quoted as “…”. */
const QUOTED = /“[^”]*”/g;
/** Example values in the formats the field expects: times, e-mails, hyphenated codes. */
const CODE = /\b\d{1,2}:\d{2}\b|[\w.+-]+@[\w-]+\.[\w.]+|\b[\w]+(-[\w]*)+/g;

export type ChineseTextProblem =
  { kind: "latin"; word: string } | { kind: "ascii"; char: string } | { kind: "term"; term: string };

/** Problems in one zh text; empty when it reads as Chinese. */
export function chineseTextProblems(message: string): ChineseTextProblem[] {
  const problems: ChineseTextProblem[] = [];
  for (const term of Object.keys(CHINESE_TERMS))
    if (message.includes(term)) problems.push({ kind: "term", term });
  let rest = message;
  if (rest.match(ICU_HEAD)) rest = rest.replace(ICU_HEAD, "{").replace(ICU_SELECTOR, "{");
  rest = rest.replace(PLACEHOLDER, " ");
  rest = rest.replace(QUOTED, " ").replace(CODE, " ").replace(/[{}#]/g, " ");
  for (const char of rest.match(/[:()]/g) ?? []) problems.push({ kind: "ascii", char });
  for (const word of rest.match(/[A-Za-z]+/g) ?? [])
    if (!LATIN_WORDS_ALLOWED_IN_CHINESE.has(word)) problems.push({ kind: "latin", word });
  return problems;
}
