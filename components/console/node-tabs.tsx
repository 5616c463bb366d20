import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { QUEUE_NODES, queueHref, type QueueFilters } from "@/lib/console/queue-schema";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import { cn } from "@/components/ui/cn";

const CHIP =
  "inline-flex min-h-11 items-center gap-2 whitespace-nowrap rounded-full border px-3 text-sm font-medium";
const ACTIVE = "border-brand-600 bg-brand-600 text-white";
const IDLE = "border-slate-300 bg-white text-slate-700 hover:bg-slate-100";

/**
 * One link per node with its number of open cases (all open cases, whatever the other filters:
 * the counts come from one cheap GROUP BY). Choosing a node keeps the other filters.
 */
export async function NodeTabs({
  filters,
  counts,
}: {
  filters: QueueFilters;
  counts: { node: WorkflowNode; count: number }[];
}) {
  const [t, tNodes] = await Promise.all([getTranslations("queue.nodes"), getTranslations("nodes")]);
  const countOf = new Map(counts.map((row) => [row.node, row.count]));
  const tabs = [
    {
      key: "all",
      label: t("all"),
      count: counts.reduce((sum, row) => sum + row.count, 0),
      href: queueHref(filters, { node: undefined }),
      active: !filters.node,
    },
    ...QUEUE_NODES.map((node) => ({
      key: node,
      label: tNodes(node),
      count: countOf.get(node) ?? 0,
      href: queueHref(filters, { node }),
      active: filters.node === node,
    })),
  ];
  return (
    <nav aria-label={t("label")}>
      <ul className="relative -mx-1 flex gap-2 overflow-x-auto px-1 py-1">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.active ? "page" : undefined}
              className={cn(CHIP, tab.active ? ACTIVE : IDLE)}
            >
              {tab.label}
              <span
                aria-hidden="true"
                className={cn(
                  "rounded-full px-1.5 text-xs tabular-nums",
                  tab.active ? "bg-white text-brand-700" : "bg-slate-100",
                )}
              >
                {tab.count}
              </span>
              <span className="sr-only">{t("count", { count: tab.count })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
