import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { linkClasses } from "@/components/ui/text-link";

export type NumbersTable = {
  columns: string[];
  /** `highlight`: the row the section singles out (the bottleneck), marked in words too, not by colour alone. */
  rows: { key: string; cells: (string | number)[]; highlight?: boolean }[];
};

type ChartSectionProps = {
  id: string;
  title: string;
  /** What the chart says, in a sentence: read before the chart, for everyone. */
  summary: ReactNode;
  /** The label of the <details> that opens the numbers. */
  numbersLabel: string;
  table: NumbersTable;
  /** The chart itself (hidden from screen readers: the summary and the table carry the same numbers). */
  children?: ReactNode;
  /** Shown between the summary and the chart (tiles, notes). */
  extra?: ReactNode;
  highlightLabel?: string;
};

/** One dashboard panel: heading, text summary, chart, and the numbers as a table for anyone who cannot use the chart. */
export function ChartSection({
  id,
  title,
  summary,
  numbersLabel,
  table,
  children,
  extra,
  highlightLabel,
}: ChartSectionProps) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex min-w-0 flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="text-sm text-slate-700">{summary}</p>
      {extra}
      {children}
      <details className="group text-sm">
        <summary className={linkClasses({ size: "inherit", extra: "cursor-pointer" })}>
          {numbersLabel}
        </summary>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full border-collapse text-left tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                {table.columns.map((column, index) => (
                  <th
                    key={column}
                    scope="col"
                    className={cn("px-2 py-2 font-medium", index > 0 && "text-right")}
                  >
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr
                  key={row.key}
                  className={cn("border-b border-slate-100", row.highlight && "bg-amber-50 font-semibold")}
                >
                  {row.cells.map((cell, index) =>
                    index === 0 ? (
                      <th key={index} scope="row" className="px-2 py-2 font-medium">
                        {cell}
                        {/* The space keeps "Step Bottleneck" two words for screen readers. */}
                        {row.highlight && highlightLabel && " "}
                        {row.highlight && highlightLabel && (
                          <span className="ml-1 rounded bg-amber-200 px-1.5 text-xs text-amber-900">
                            {highlightLabel}
                          </span>
                        )}
                      </th>
                    ) : (
                      <td key={index} className="px-2 py-2 text-right">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
