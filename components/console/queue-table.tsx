"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type ReactNode } from "react";
import { moveSelection, type QueueKeyAction } from "@/lib/console/queue-keys";
import { KeyboardHelp } from "./keyboard-help";
import { OverdueBadge } from "./overdue-badge";
import { QueueFlag } from "./queue-flag";
import type { DueView, QueueRowView } from "./queue-rows";
import { TierBadge } from "./tier-badge";
import { QUEUE_KEY_SHORTCUTS, QUEUE_ROW_ATTRIBUTE, useQueueKeyboard } from "./use-queue-keyboard";
import { cn } from "@/components/ui/cn";
import { linkClasses } from "@/components/ui/text-link";

const DUE_TONES = { waiting: "text-amber-800", normal: "text-slate-800", muted: "text-slate-500" } as const;

function DueCell({ due }: { due: DueView }) {
  if (due.tone === "overdue") return <OverdueBadge short={due.short} long={due.long} detail={due.detail} />;
  return <span className={DUE_TONES[due.tone]}>{due.text}</span>;
}

const CELL = "px-3 py-2 align-middle";

type Props = {
  rows: QueueRowView[];
  /** The search field "/" focuses (it lives in the filter form). */
  searchId: string;
  /** Shown instead of the table when there are no rows; the shortcuts still work. */
  empty: ReactNode;
};

/**
 * The queue's rows with roving focus: one row link is in the tab order (the selected one, else
 * the first), j/k and ↓/↑ move the selection and focus with it, Enter follows the link. The
 * number column stays in view while the table scrolls sideways on a tablet.
 */
export function QueueTable({ rows, searchId, empty }: Props) {
  const t = useTranslations("queue");
  const [selected, setSelected] = useState(-1);
  const [helpOpen, setHelpOpen] = useState(false);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const helpId = useId();

  function onAction(action: QueueKeyAction) {
    switch (action) {
      case "next":
      case "previous": {
        const index = moveSelection(selected, action, rows.length);
        if (index < 0) return;
        setSelected(index);
        links.current[index]?.focus();
        return;
      }
      case "open":
        if (selected >= 0) links.current[selected]?.click();
        return;
      case "search": {
        const input = document.getElementById(searchId);
        if (input instanceof HTMLInputElement) {
          input.focus();
          input.select();
        }
        return;
      }
      case "help":
        setHelpOpen((open) => !open);
        return;
      case "close":
        setHelpOpen(false);
        return;
    }
  }
  const keysReady = useQueueKeyboard(onAction, helpOpen);

  const tabStop = Math.max(selected, 0);
  return (
    <div className="flex flex-col gap-3">
      <KeyboardHelp id={helpId} open={helpOpen} onToggle={() => setHelpOpen((open) => !open)} />
      {rows.length === 0 ? (
        empty
      ) : (
        <div className="relative overflow-x-auto rounded-xl border border-slate-200">
          <table
            aria-keyshortcuts={keysReady ? QUEUE_KEY_SHORTCUTS : undefined}
            className="w-full min-w-[58rem] border-collapse text-left text-sm"
          >
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-50 text-xs font-semibold text-slate-600">
              <tr>
                <th scope="col" className={cn(CELL, "sticky left-0 z-10 bg-slate-50")}>
                  {t("columns.number")}
                </th>
                {(["service", "tier", "node", "applicant", "assignee", "due", "neededBy"] as const).map(
                  (column) => (
                    <th key={column} scope="col" className={CELL}>
                      {t(`columns.${column}`)}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row, index) => {
                const isSelected = index === selected;
                const background = isSelected ? "bg-brand-50" : "bg-white";
                return (
                  <tr key={row.id} className={background}>
                    <th
                      scope="row"
                      className={cn(
                        CELL,
                        "sticky left-0 z-10 whitespace-nowrap",
                        background,
                        isSelected && "shadow-[inset_4px_0_0_var(--color-brand-600)]",
                      )}
                    >
                      <Link
                        ref={(element) => {
                          links.current[index] = element;
                        }}
                        href={row.href}
                        {...{ [QUEUE_ROW_ATTRIBUTE]: "" }}
                        tabIndex={index === tabStop ? 0 : -1}
                        aria-current={isSelected ? "true" : undefined}
                        onFocus={() => setSelected(index)}
                        className={linkClasses({ size: "inherit", extra: "rounded font-mono" })}
                      >
                        {row.displayNumber}
                      </Link>
                    </th>
                    <td className={cn(CELL, "min-w-32")}>{row.service}</td>
                    <td className={CELL}>
                      <TierBadge tier={row.tier} label={row.tierLabel} />
                    </td>
                    <td className={cn(CELL, "whitespace-nowrap")}>{row.node}</td>
                    <td className={cn(CELL, "whitespace-nowrap")}>{row.applicant}</td>
                    <td className={CELL}>
                      <span className={row.unassigned ? "text-slate-500 italic" : undefined}>
                        {row.assignee}
                      </span>
                      {row.unstaffed && <QueueFlag label={row.unstaffed} />}
                    </td>
                    <td className={cn(CELL, "min-w-44")}>
                      <DueCell due={row.due} />
                      {row.supplementOverdue && <QueueFlag label={row.supplementOverdue} />}
                      {row.deadlineRisk && <QueueFlag label={row.deadlineRisk} />}
                    </td>
                    <td className={cn(CELL, "whitespace-nowrap")}>{row.neededBy}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
