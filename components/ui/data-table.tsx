import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A header cell: its (translated) label and extra classes such as width or alignment ("w-28", "text-right"). */
export type Column = { label: string; className?: string };

type Props = {
  caption: string;
  columns: Column[];
  /** The table's minimum width and layout, e.g. "min-w-[42rem] table-fixed". */
  className: string;
  alignTop?: boolean;
  /** The body's rows. */
  children: ReactNode;
};

/** A table that scrolls sideways inside its own box on narrow screens, so the page itself never does. */
export function DataTable({ caption, columns, className, alignTop = false, children }: Props) {
  return (
    <div className="relative overflow-x-auto">
      <table className={cn("w-full text-left text-sm", className)}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            {columns.map((column, index) => (
              <th
                key={index}
                scope="col"
                className={cn("py-2 font-medium", index < columns.length - 1 && "pr-3", column.className)}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={cn("divide-y divide-slate-100", alignTop && "align-top")}>{children}</tbody>
      </table>
    </div>
  );
}
