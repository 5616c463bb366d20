import { useTranslations } from "next-intl";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import type { CaseOutcome } from "@/lib/workflow/progress";
import { cn } from "@/components/ui/cn";

type Props = {
  percent: number;
  currentNode: WorkflowNode;
  outcome: CaseOutcome;
  ended: boolean;
  /** The accessible name, e.g. naming the application in a list of several. */
  label?: string;
  size?: "md" | "sm";
};

const FILL: Record<CaseOutcome, string> = {
  inProgress: "bg-brand-600",
  awaitingApplicant: "bg-urgent-500",
  approved: "bg-emerald-600",
  completed: "bg-emerald-600",
  // Ended without a result: full, but visibly not a success.
  rejected: "bg-slate-500",
  withdrawn: "bg-slate-400",
};

/** The case's progress with the current node named, for sighted and screen-reader users alike. */
export function ProgressBar({ percent, currentNode, outcome, ended, label, size = "md" }: Props) {
  const t = useTranslations("case.progress");
  const tNodes = useTranslations("nodes");
  const node = tNodes(currentNode);
  // Rejected or withdrawn: decided and closed, not "100 %" as if it had succeeded.
  if (ended && (outcome === "rejected" || outcome === "withdrawn"))
    return (
      <ClosedStatus
        outcome={outcome}
        label={label ?? t("label")}
        text={t("closed", { outcome: t(`outcome.${outcome}`) })}
        size={size}
      />
    );
  const caption = ended ? t(`outcome.${outcome}`) : t("now", { node });
  const valueText = ended
    ? t("endedValueText", { outcome: t(`outcome.${outcome}`) })
    : t("valueText", { percent, node });
  return (
    <div className="flex flex-col gap-1.5">
      <div className={cn("flex items-baseline justify-between gap-3", size === "sm" ? "text-xs" : "text-sm")}>
        <span className="font-medium text-slate-800">{caption}</span>
        <span aria-hidden="true" className="tabular-nums text-slate-600">
          {percent}%
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label ?? t("label")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
        className={cn("w-full overflow-hidden rounded-full bg-slate-200", size === "sm" ? "h-1.5" : "h-3")}
      >
        <div
          className={cn(
            "h-full rounded-full transition-[width] motion-reduce:transition-none",
            FILL[outcome],
          )}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}

function ClosedStatus({
  outcome,
  label,
  text,
  size,
}: {
  outcome: "rejected" | "withdrawn";
  label: string;
  text: string;
  size: "md" | "sm";
}) {
  return (
    <div role="group" aria-label={label} className="flex flex-col gap-1.5">
      <p
        className={cn(
          "flex items-center gap-2 font-medium text-slate-800",
          size === "sm" ? "text-xs" : "text-sm",
        )}
      >
        <span
          aria-hidden="true"
          className={cn("inline-block size-2.5 shrink-0 rounded-full", FILL[outcome])}
        />
        {text}
      </p>
      <div
        aria-hidden="true"
        className={cn(
          "w-full rounded-full border border-dashed border-slate-400",
          size === "sm" ? "h-1.5" : "h-3",
        )}
      />
    </div>
  );
}
