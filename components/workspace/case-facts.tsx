import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import type { ReactNode } from "react";
import { TierBadge } from "@/components/console/tier-badge";
import { NextDueText } from "@/components/case/next-due-text";
import { ProgressBar } from "@/components/case/progress-bar";
import { nextDueOf } from "@/lib/cases/next-due";
import type { StaffCase } from "@/lib/console/case-data";
import { formatLateness } from "@/lib/console/queue-due";
import { slaState } from "@/lib/sla/sla-state";
import { simpleProgress } from "@/lib/workflow/progress";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-0.5 break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** Due time, or "overdue" in red and in words (never colour alone) once passed on an open case. */
async function Due({ at, open, now }: { at: Date | null; open: boolean; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("workspace.header"), getFormat()]);
  if (!at) return <span className="text-slate-600">{t("noDue")}</span>;
  const time = format.dateTime(at, WHEN);
  if (!open || at.getTime() >= now.getTime()) return <time dateTime={at.toISOString()}>{time}</time>;
  return (
    <span className="font-semibold text-red-700">
      <span aria-hidden="true">⚠ </span>
      {t("overdueAt", { time })}
    </span>
  );
}

/**
 * What the due times above do not say: the clock paused for the applicant (and for how long in
 * all), and the overdue watch's flags (lib/sla) on an open case.
 */
async function SlaNotes({ view, now }: { view: StaffCase; now: Date }) {
  if (view.closedAt) return null;
  const [t, tQueue, format] = await Promise.all([
    getTranslations("workspace.sla"),
    getTranslations("queue"),
    getFormat(),
  ]);
  const { sla } = view;
  const state = slaState({
    nodeEnteredAt: sla.nodeEnteredAt,
    nodeDueAt: view.nodeDueAt,
    status: view.status,
    now,
    pausedMinutes: sla.pausedMinutes,
  });
  const when = (at: Date) => format.dateTime(at, WHEN);
  const duration = formatLateness(state.pausedMs, tQueue, "long");
  const notes: { key: string; alert: boolean; text: string }[] = [];
  if (state.pausedSince)
    notes.push({
      key: "paused",
      alert: false,
      text: t("paused", { time: when(state.pausedSince), duration }),
    });
  else if (state.pausedMs > 0)
    notes.push({ key: "pausedTotal", alert: false, text: t("pausedTotal", { duration }) });
  if (sla.deadlineRiskAt)
    notes.push({
      key: "deadlineRisk",
      alert: true,
      text: t("deadlineRisk", { time: when(sla.deadlineRiskAt) }),
    });
  if (sla.escalatedAt)
    notes.push({ key: "escalated", alert: true, text: t("escalated", { time: when(sla.escalatedAt) }) });
  if (sla.supplementLapsedAt)
    notes.push({
      key: "supplementLapsed",
      alert: true,
      text: t("supplementLapsed", { time: when(sla.supplementLapsedAt) }),
    });
  if (sla.unstaffedAt && !view.assignee)
    notes.push({ key: "unstaffed", alert: true, text: t("unstaffed", { time: when(sla.unstaffedAt) }) });
  if (notes.length === 0) return null;
  return (
    <ul aria-label={t("label")} className="mt-3 flex flex-col gap-1 text-sm">
      {notes.map((note) => (
        <li key={note.key} className={note.alert ? "font-semibold text-amber-900" : "text-slate-700"}>
          <span aria-hidden="true">{note.alert ? "⚑ " : "⏸ "}</span>
          {note.text}
        </li>
      ))}
    </ul>
  );
}

/** What a reviewer needs at a glance: tier, step, due times, who holds it, payment, progress. */
export async function CaseFacts({ view, now }: { view: StaffCase; now: Date }) {
  const [tWorkspace, t, tTiers, tNodes, tStatus, tPayment, format] = await Promise.all([
    getTranslations("workspace"),
    getTranslations("workspace.header"),
    getTranslations("catalog.tiers"),
    getTranslations("nodes"),
    getTranslations("workspace.status"),
    getTranslations("case.summary.paymentStatus"),
    getFormat(),
  ]);
  const open = view.closedAt === null;
  const waitingForApplicant = view.status === "AWAITING_APPLICANT";
  // The same next due time the applicant sees (lib/cases/next-due.ts).
  const due = nextDueOf(
    {
      status: view.status,
      currentNode: view.currentNode,
      nodeDueAt: view.nodeDueAt,
      openSupplementDueAt:
        view.supplementRequests.find((request) => request.status === "OPEN")?.dueAt ?? null,
      slaEscalatedAt: view.sla.escalatedAt,
      nodeEnteredAt: view.sla.nodeEnteredAt,
      targetMinutes: view.nodeTargets[view.currentNode] ?? null,
    },
    now,
  );
  const progress = simpleProgress({
    currentNode: view.currentNode,
    status: view.status,
    requiresExpertReview: view.service.requiresExpertReview,
  });
  return (
    <section aria-label={t("facts")} className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 md:grid-cols-4">
        <Fact term={t("tier")}>
          <TierBadge tier={view.tier} label={tTiers(view.tier)} />
        </Fact>
        <Fact term={t("node")}>{tNodes(view.currentNode)}</Fact>
        <Fact term={t("status")}>{tStatus(view.status)}</Fact>
        <Fact term={t("assignee")}>
          {view.assignee ? (
            view.assignee.displayName
          ) : (
            <span className="font-semibold text-amber-800">{t("unassigned")}</span>
          )}
        </Fact>
        <Fact term={waitingForApplicant ? t("applicantDue") : t("nodeDue")}>
          {due ? <NextDueText due={due} /> : <Due at={null} open={open} now={now} />}
        </Fact>
        <Fact term={t("caseDue")}>
          <Due at={view.caseDueAt} open={open} now={now} />
        </Fact>
        <Fact term={t("payment")}>
          <span className={view.payment.status === "UNPAID" ? "font-semibold text-amber-800" : undefined}>
            {tPayment(view.payment.status)}
          </span>
        </Fact>
        <Fact term={t("neededBy")}>{format.dateTime(view.neededBy, { dateStyle: "medium" })}</Fact>
        <Fact term={t("submitted")}>{format.dateTime(view.submittedAt, WHEN)}</Fact>
        {view.closedAt && <Fact term={t("closed")}>{format.dateTime(view.closedAt, WHEN)}</Fact>}
      </dl>
      <SlaNotes view={view} now={now} />
      <div className="mt-4">
        <ProgressBar
          percent={progress.percent}
          currentNode={progress.currentNode}
          outcome={progress.outcome}
          ended={progress.ended}
          label={tWorkspace("progressLabel")}
        />
      </div>
    </section>
  );
}
