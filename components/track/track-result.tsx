"use client";

import { useLocale, useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import { ProgressBar } from "@/components/case/progress-bar";
import { Timeline } from "@/components/case/timeline";
import { Card, Row } from "@/components/ui/card";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { PublicCaseView } from "@/lib/lookup/public-view";
import type { TimelineStep } from "@/lib/workflow/progress";
import { PublicHistory } from "./public-history";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

/**
 * The public view of a case: the applicant page's progress bar and timeline, fed with anonymized
 * steps ("Staff" for every handler, a pointer instead of each public note's text).
 */
export function TrackResult({ view, headingId }: { view: PublicCaseView; headingId: string }) {
  const t = useTranslations("track.result");
  const tTiers = useTranslations("catalog.tiers");
  const format = useFormat();
  const locale = useLocale();
  const when = (date: Date) => format.dateTime(date, WHEN);
  const displayNumber = formatApplicationNumber(view.number);
  const { progress } = view;

  const steps: TimelineStep[] = progress.steps.map(({ withheldNotesAt, ...step }) => ({
    ...step,
    handledBy: step.handledBy.length > 0 ? [t("staff")] : [],
    notes: withheldNotesAt.map((at) => ({ at, text: t("withheldNote") })),
  }));

  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-6">
      <div>
        {/* Focusable so the form can move focus here once the answer arrives. */}
        <h2 id={headingId} tabIndex={-1} className="text-xl font-bold text-slate-900 sm:text-2xl">
          {t("heading", { number: displayNumber })}
        </h2>
        <p className="mt-1 text-slate-600">{locale === "zh" ? view.service.nameZh : view.service.nameEn}</p>
        <p className="mt-1 text-sm text-slate-600">{t("publicOnly")}</p>
      </div>

      <Card level="h3" headingId={`${headingId}-progress`} heading={t("progressHeading")}>
        <ProgressBar
          percent={progress.percent}
          currentNode={progress.currentNode}
          outcome={progress.outcome}
          ended={progress.ended}
        />
      </Card>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card level="h3" headingId={`${headingId}-steps`} heading={t("timelineHeading")}>
          <Timeline steps={steps} ended={progress.ended} />
        </Card>
        <Card level="h3" headingId={`${headingId}-summary`} heading={t("summaryHeading")}>
          <dl className="divide-y divide-slate-100">
            <Row termWidth="9rem" term={t("applicant")}>
              {view.applicantName}
            </Row>
            <Row termWidth="9rem" term={t("service")}>
              {locale === "zh" ? view.service.nameZh : view.service.nameEn}
            </Row>
            <Row termWidth="9rem" term={t("tier")}>
              {tTiers(view.tier)}
            </Row>
            <Row termWidth="9rem" term={t("status")}>
              {t(`statuses.${view.status}`)}
            </Row>
            <Row termWidth="9rem" term={t("submitted")}>
              {when(view.submittedAt)}
            </Row>
            {!progress.ended && view.nodeDueAt && (
              <Row termWidth="9rem" term={t("nodeDue")}>
                {when(view.nodeDueAt)}
              </Row>
            )}
            {!progress.ended && view.caseDueAt && (
              <Row termWidth="9rem" term={t("caseDue")}>
                {when(view.caseDueAt)}
              </Row>
            )}
          </dl>
        </Card>
      </div>

      <Card level="h3" headingId={`${headingId}-history`} heading={t("historyHeading")}>
        <PublicHistory history={view.history} />
      </Card>
    </article>
  );
}
