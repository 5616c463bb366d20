import { CopyButton } from "./copy-button";

export type CopyLabels = { copy: string; copied: string; failed: string };

/**
 * A copyable code block. Long lines scroll inside the block (never the page, even at 360 px); the
 * scrolling region is focusable and named, so keyboard users can scroll it too.
 */
export function CodeBlock({
  id,
  title,
  code,
  labels,
  regionLabel,
}: {
  id: string;
  title: string;
  code: string;
  labels: CopyLabels;
  regionLabel: string;
}) {
  const codeId = `code-${id}`;
  return (
    <figure className="my-4 min-w-0 overflow-hidden rounded-lg bg-slate-900 text-slate-100">
      <figcaption className="flex items-center justify-between gap-2 border-b border-slate-700 px-3 py-2 text-xs">
        <span className="font-mono text-slate-300">{title}</span>
        <CopyButton targetId={codeId} what={title} labels={labels} />
      </figcaption>
      <pre
        tabIndex={0}
        role="region"
        aria-label={regionLabel}
        className="overflow-x-auto p-3 text-[13px] leading-relaxed focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-300"
      >
        <code id={codeId}>{code}</code>
      </pre>
    </figure>
  );
}
