const MAX_TEXT = 120;

function short(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/**
 * An audit row's details, compact: one line per key; a { from, to } change reads "from → to".
 * Long values are cut (the full JSON is in the title, for hovering or copying).
 */
export function AuditDetails({ details }: { details: unknown }) {
  if (details === null || details === undefined) return <span className="text-slate-400">—</span>;
  if (typeof details !== "object" || Array.isArray(details))
    return <code className="break-all">{short(details)}</code>;
  const entries = Object.entries(details as Record<string, unknown>).flatMap(([key, value]) =>
    key === "changes" && value && typeof value === "object"
      ? Object.entries(value as Record<string, unknown>)
      : [[key, value] as const],
  );
  return (
    <dl className="flex flex-col gap-0.5 text-xs" title={JSON.stringify(details)}>
      {entries.map(([key, value]) => {
        const change =
          value && typeof value === "object" && "from" in value && "to" in value
            ? (value as { from: unknown; to: unknown })
            : null;
        return (
          <div key={key} className="break-words">
            <dt className="inline font-mono text-slate-500">{key}: </dt>
            <dd className="inline font-mono text-slate-800">
              {change ? `${short(change.from)} → ${short(change.to)}` : short(value)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
