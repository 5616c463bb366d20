import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import { BarChart } from "./bar-chart";
import { ChartSection } from "./chart-section";
import { COLORS, EMPTY, formatMinutes, formatShare, hours, percent } from "./format";

type NodeCount = { node: WorkflowNode; count: number };
type NodeOnTime = { node: WorkflowNode; measured: number; onTime: number; rate: number | null };
type NodeTime = {
  node: WorkflowNode;
  visits: number;
  averageMinutes: number | null;
  p90Minutes: number | null;
};

/** Live: open cases per node, as tiles to read at a glance and as a chart. */
export async function OpenCountsSection({ counts }: { counts: NodeCount[] }) {
  const [t, tNodes] = await Promise.all([getTranslations("dashboard"), getTranslations("nodes")]);
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  const busiest = counts.reduce((top, row) => (row.count > top.count ? row : top), counts[0]!);
  return (
    <ChartSection
      id="open"
      title={t("open.heading")}
      summary={
        total === 0
          ? t("open.summaryNone")
          : t("open.summary", { total, node: tNodes(busiest.node), count: busiest.count })
      }
      numbersLabel={t("showNumbers")}
      table={{
        columns: [t("step"), t("open.count")],
        rows: counts.map((row) => ({ key: row.node, cells: [tNodes(row.node), row.count] })),
      }}
      extra={
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
          {counts.map((row) => (
            <li key={row.node} className="flex flex-col rounded-lg bg-slate-50 px-3 py-2">
              <span className="text-xs text-slate-600">{tNodes(row.node)}</span>
              <span className="text-2xl font-semibold tabular-nums">{row.count}</span>
            </li>
          ))}
        </ul>
      }
    >
      {total > 0 && (
        <BarChart
          orientation="rows"
          integers
          data={counts.map((row) => ({ label: tNodes(row.node), values: [row.count] }))}
          series={[{ name: t("open.count"), color: COLORS.primary }]}
        />
      )}
    </ChartSection>
  );
}

/** Per node: the share of finished visits that left the node by its due time. */
export async function OnTimeByNodeSection({ rows }: { rows: NodeOnTime[] }) {
  const [t, tNodes, format] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("nodes"),
    getFormat(),
  ]);
  const measured = rows.reduce((sum, row) => sum + row.measured, 0);
  const onTime = rows.reduce((sum, row) => sum + row.onTime, 0);
  const worst = rows.filter((row) => row.rate !== null).sort((a, b) => a.rate! - b.rate!)[0];
  return (
    <ChartSection
      id="on-time"
      title={t("onTime.heading")}
      summary={
        worst
          ? t("onTime.summary", {
              rate: formatShare(onTime / measured, format),
              measured,
              node: tNodes(worst.node),
              worst: formatShare(worst.rate, format),
            })
          : t("onTime.summaryNone")
      }
      numbersLabel={t("showNumbers")}
      table={{
        columns: [t("step"), t("onTime.measured"), t("onTime.onTime"), t("onTime.rate")],
        rows: rows.map((row) => ({
          key: row.node,
          cells: [tNodes(row.node), row.measured, row.onTime, formatShare(row.rate, format)],
        })),
      }}
    >
      {measured > 0 && (
        <BarChart
          orientation="rows"
          unit="%"
          max={100}
          data={rows.map((row) => ({ label: tNodes(row.node), values: [percent(row.rate)] }))}
          series={[{ name: t("onTime.rate"), color: COLORS.primary }]}
        />
      )}
    </ChartSection>
  );
}

/** Average and 90th percentile per node; the bottleneck in amber in the chart and marked in words in the table. */
export async function TimePerNodeSection({
  nodes,
  bottleneck,
}: {
  nodes: NodeTime[];
  bottleneck: WorkflowNode | null;
}) {
  const [t, tNodes] = await Promise.all([getTranslations("dashboard"), getTranslations("nodes")]);
  const slowest = nodes.find((row) => row.node === bottleneck);
  return (
    <ChartSection
      id="time"
      title={t("time.heading")}
      summary={
        slowest
          ? t("time.summary", {
              node: tNodes(slowest.node),
              average: formatMinutes(slowest.averageMinutes, t),
              p90: formatMinutes(slowest.p90Minutes, t),
            })
          : t("time.summaryNone")
      }
      numbersLabel={t("showNumbers")}
      highlightLabel={t("time.bottleneck")}
      table={{
        columns: [t("step"), t("time.visits"), t("time.average"), t("time.p90")],
        rows: nodes.map((row) => ({
          key: row.node,
          highlight: row.node === bottleneck,
          cells: [
            tNodes(row.node),
            row.visits,
            formatMinutes(row.averageMinutes, t),
            row.visits ? formatMinutes(row.p90Minutes, t) : EMPTY,
          ],
        })),
      }}
    >
      {nodes.some((row) => row.visits > 0) && (
        <BarChart
          orientation="rows"
          unit={t("units.hours")}
          height={320}
          data={nodes.map((row) => ({
            label: tNodes(row.node),
            values: [hours(row.averageMinutes), hours(row.p90Minutes)],
            highlight: row.node === bottleneck,
          }))}
          series={[
            { name: t("time.average"), color: COLORS.primary, highlightColor: COLORS.highlight },
            { name: t("time.p90"), color: COLORS.secondary, highlightColor: COLORS.highlightLight },
          ]}
        />
      )}
    </ChartSection>
  );
}
