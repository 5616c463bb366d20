import { Fragment, type ReactNode } from "react";

// The developer texts mark code the way the Chinese texts must (“…”: lib/i18n/chinese-text.ts), in
// both languages; here a quoted run of ASCII becomes <code>, any other quotation stays as written.
const QUOTED = /“([\x20-\x7e…]+?)”/g;

export function Prose({ text }: { text: string }): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(QUOTED)) {
    parts.push(text.slice(last, match.index));
    parts.push(
      <code
        key={match.index}
        className="rounded bg-slate-100 px-1 py-0.5 text-[0.9em] [overflow-wrap:anywhere]"
      >
        {match[1]}
      </code>,
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}

/** The OpenAPI document's descriptions mark code with backticks (Markdown); shown as <code>. */
export function Described({ text }: { text: string }): ReactNode {
  return text.split(/`([^`]+)`/).map((part, index) =>
    index % 2 === 1 ? (
      <code key={index} className="rounded bg-slate-100 px-1 py-0.5 text-[0.9em] [overflow-wrap:anywhere]">
        {part}
      </code>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}
