"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import { useId, useState } from "react";
import type { TimelineStep } from "@/lib/workflow/progress";
import { NodeDetails } from "./node-details";
import { cn } from "@/components/ui/cn";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

const MARKER: Record<TimelineStep["state"], string> = {
  completed: "border-brand-600 bg-brand-600 text-white",
  current: "border-brand-600 bg-white text-brand-700",
  future: "border-slate-300 bg-white text-slate-400",
  skipped: "border-dashed border-slate-300 bg-slate-50 text-slate-400",
};

// Withdrawn or rejected: the end of the line, but not a success.
const ENDED_EARLY = "border-slate-500 bg-slate-500 text-white";

/**
 * The case's nodes in order. Each is a button (Enter and Space come with it) that shows its
 * details below it; the active node carries aria-current="step" and a pulse that respects
 * reduced motion.
 */
export function Timeline({ steps, ended }: { steps: TimelineStep[]; ended: boolean }) {
  const t = useTranslations("case.timeline");
  const tNodes = useTranslations("nodes");
  const format = useFormat();
  const baseId = useId();
  const [openKey, setOpenKey] = useState<string | null>(null);
  const outcomeIndex = steps.findIndex((step) => step.outcome);
  const when = (date: Date) => format.dateTime(date, WHEN);

  function nameOf(step: TimelineStep) {
    const node = tNodes(step.node);
    return step.visit > 1 ? t("again", { node }) : node;
  }

  function stateText(step: TimelineStep): string {
    if (step.outcome && step.node !== "DOCUMENT_ISSUED") return t("state.ended");
    return t(`state.${step.state}`);
  }

  function timeText(step: TimelineStep, index: number): string | null {
    switch (step.state) {
      case "completed": {
        const at = step.outcome ? step.startedAt : step.finishedAt;
        return at ? t("finished", { time: when(at) }) : null;
      }
      case "current":
        if (step.dueAt) return t("due", { time: when(step.dueAt) });
        return step.startedAt ? t("started", { time: when(step.startedAt) }) : null;
      case "future":
        if (!step.expectedAt) return null;
        return step.expectedIsCaseDue
          ? t("expectedCaseDue", { time: when(step.expectedAt) })
          : t("expected", { time: when(step.expectedAt) });
      case "skipped":
        return ended && outcomeIndex >= 0 && index > outcomeIndex ? t("notReached") : t("notNeeded");
    }
  }

  return (
    <div>
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <ol className="mt-3 flex flex-col">
        {steps.map((step, index) => {
          const open = openKey === step.key;
          const detailsId = `${baseId}-${index}`;
          const name = nameOf(step);
          const time = timeText(step, index);
          const last = index === steps.length - 1;
          const endedEarly = step.outcome && step.node !== "DOCUMENT_ISSUED";
          return (
            <li
              key={step.key}
              aria-current={step.state === "current" ? "step" : undefined}
              className={cn("relative flex gap-3", step.detour && "ml-4 sm:ml-6")}
            >
              {/* The line joining the markers; purely visual. */}
              {!last && (
                <span
                  aria-hidden="true"
                  className="absolute top-8 bottom-0 left-[0.9375rem] w-0.5 bg-slate-200"
                />
              )}
              <span
                aria-hidden="true"
                className={cn(
                  "relative z-10 mt-1.5 grid size-8 shrink-0 place-items-center rounded-full border-2 text-sm font-bold",
                  endedEarly ? ENDED_EARLY : MARKER[step.state],
                )}
              >
                {endedEarly ? "×" : step.state === "completed" ? "✓" : step.state === "skipped" ? "–" : null}
                {step.state === "current" && (
                  <>
                    <span className="absolute inline-flex size-full animate-ping rounded-full bg-brand-600/40 motion-reduce:hidden" />
                    <span className="relative size-3 rounded-full bg-brand-600" />
                  </>
                )}
              </span>
              <div className="min-w-0 flex-1 pb-4">
                <button
                  type="button"
                  aria-expanded={open}
                  aria-controls={open ? detailsId : undefined}
                  onClick={() => setOpenKey(open ? null : step.key)}
                  className={cn(
                    "flex min-h-11 w-full flex-col items-start rounded-lg px-2 py-1.5 text-left hover:bg-slate-100",
                    step.state === "current" && "bg-brand-50 ring-1 ring-brand-100",
                  )}
                >
                  <span
                    className={cn(
                      "font-semibold",
                      step.state === "skipped"
                        ? "text-slate-500 line-through decoration-slate-400"
                        : step.state === "future"
                          ? "text-slate-700"
                          : "text-slate-900",
                    )}
                  >
                    {name}
                    {step.detour && (
                      <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
                        {t("sideStep")}
                      </span>
                    )}
                  </span>
                  <span className="text-sm text-slate-600">
                    {stateText(step)}
                    {time && <> · {time}</>}
                  </span>
                </button>
                {open && <NodeDetails id={detailsId} step={step} nodeName={name} />}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
