/**
 * The overdue flag: red, but never colour alone — a warning mark and the words say it, and screen
 * readers hear the long form ("3 hours 20 minutes") instead of the abbreviations on screen.
 */
export function OverdueBadge({ short, long, detail }: { short: string; long: string; detail: string }) {
  return (
    <span className="flex flex-col items-start gap-0.5">
      <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-red-50 px-2 py-0.5 text-xs font-bold text-red-800 ring-1 ring-red-300">
        <span aria-hidden="true">⚠</span>
        <span aria-hidden="true">{short}</span>
        <span className="sr-only">{long}</span>
      </span>
      <span className="text-xs text-slate-600">{detail}</span>
    </span>
  );
}
