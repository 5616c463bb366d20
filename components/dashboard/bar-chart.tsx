"use client";

import { useLocale } from "next-intl";
import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  Cell,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useHydrated } from "@/components/ui/use-hydrated";
import { formatNumber } from "@/lib/i18n/format";

/** Axis labels in the palette's secondary text colour, which the dark theme turns light (app/globals.css). */
const TICK = "var(--color-slate-600, #475569)";

export type BarDatum = { label: string; values: (number | null)[]; highlight?: boolean };
export type BarSeries = { name: string; color: string; highlightColor?: string };

type BarChartProps = {
  data: BarDatum[];
  series: BarSeries[];
  /** Appended to every value, already translated ("%", " h"). */
  unit?: string;
  /** Top of the value axis (100 for rates); automatic otherwise. */
  max?: number;
  /** "rows" for long category names (nodes, services), "columns" for short ones (hours, stars). */
  orientation?: "rows" | "columns";
  height?: number;
  /** Counts: whole-number ticks only. */
  integers?: boolean;
};

/**
 * A small bar chart. Drawn only in the browser (recharts measures its box; drawing it on the
 * server too would only risk a hydration mismatch), in a box of fixed height so nothing jumps.
 * Hidden from screen readers: its section says the same in words and in a table.
 */
export function BarChart({
  data,
  series,
  unit = "",
  max,
  orientation = "columns",
  height = 260,
  integers = false,
}: BarChartProps) {
  const hydrated = useHydrated();
  const locale = useLocale();
  const format = (value: unknown) =>
    typeof value === "number" ? `${formatNumber(value, locale, { maximumFractionDigits: 1 })}${unit}` : "—";
  const rows = data.map((datum) => ({
    label: datum.label,
    ...Object.fromEntries(datum.values.map((value, index) => [`s${index}`, value])),
  }));
  const rowsLayout = orientation === "rows";
  const valueAxis = {
    type: "number" as const,
    domain: [0, max ?? "auto"] as [number, number | "auto"],
    allowDecimals: !integers,
    tickFormatter: format,
    tick: { fontSize: 12, fill: TICK },
  };
  const categoryAxis = { type: "category" as const, dataKey: "label", tick: { fontSize: 12, fill: TICK } };
  return (
    <div aria-hidden="true" style={{ height }} className="w-full min-w-0">
      {hydrated && (
        <RechartsBarChart
          responsive
          style={{ width: "100%", height }}
          data={rows}
          layout={rowsLayout ? "vertical" : "horizontal"}
          accessibilityLayer={false}
          tabIndex={-1}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={!rowsLayout} vertical={rowsLayout} />
          {rowsLayout ? <XAxis {...valueAxis} /> : <XAxis {...categoryAxis} interval="preserveStartEnd" />}
          {rowsLayout ? (
            <YAxis {...categoryAxis} width={132} interval={0} />
          ) : (
            <YAxis {...valueAxis} width={56} />
          )}
          <Tooltip formatter={format} />
          {/* In series order, in body text colour: the light series colour would be unreadable as text. */}
          {series.length > 1 && (
            <Legend
              itemSorter={null}
              formatter={(value) => <span className="text-slate-700">{value}</span>}
            />
          )}
          {series.map((entry, index) => (
            <Bar
              key={entry.name}
              dataKey={`s${index}`}
              name={entry.name}
              fill={entry.color}
              isAnimationActive={false}
            >
              {data.map((datum) => (
                <Cell
                  key={datum.label}
                  fill={datum.highlight && entry.highlightColor ? entry.highlightColor : entry.color}
                />
              ))}
            </Bar>
          ))}
        </RechartsBarChart>
      )}
    </div>
  );
}
