import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { Card, Row } from "@/components/ui/card";
import { storedTriageSchema, triageBand } from "@/lib/applications/triage";
import { cn } from "@/components/ui/cn";
import { colonAfter } from "@/lib/i18n/punctuation";

const BAR = { high: "bg-red-600", medium: "bg-amber-500", low: "bg-slate-400" } as const;

/** A YYYY-MM-DD calendar day at noon UTC, formatted in UTC: the day the applicant picked, in any zone. */
function calendarDay(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)) : null;
}

/**
 * The urgency triage of a case: the score the queue orders by (after the tier) and the applicant's
 * answers it came from. `answers` is Application.triageAnswers as stored: null for cases filed
 * before the questions existed, which then show their score (0) and say so.
 */
export async function TriageCard({ score, answers }: { score: number; answers: unknown }) {
  const [t, tAnswer, format] = await Promise.all([
    getTranslations("workspace.triage"),
    getTranslations("apply.triage"),
    getFormat(),
  ]);
  const parsed = storedTriageSchema.safeParse(answers);
  const band = triageBand(score);
  const stored = parsed.success ? parsed.data : null;
  const fixedDay = stored?.fixedDateOn ? calendarDay(stored.fixedDateOn) : null;

  return (
    <Card headingId="triage-heading" heading={t("heading")}>
      <div className="flex flex-col gap-1">
        <p className="text-slate-900">
          <span className="text-sm text-slate-600">{colonAfter(t("score"), format.locale)}</span>
          <span className="font-semibold tabular-nums">
            {t("scoreText", { score, band: t(`band.${band}`) })}
          </span>
        </p>
        {/* The number above says it all; the bar is for the eye only. */}
        <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded-full bg-slate-100">
          <div
            className={cn("h-full", BAR[band])}
            style={{ width: `${Math.max(0, Math.min(100, score))}%` }}
          />
        </div>
        <p className="text-xs text-slate-600">{t("weightsHint")}</p>
      </div>
      {stored ? (
        <dl aria-label={t("answersLabel")} className="mt-3 divide-y divide-slate-100">
          <Row term={t("consequence")}>{tAnswer(`consequence.${stored.consequence}`)}</Row>
          <Row term={t("fixedDate")}>
            {stored.fixedDate !== "NONE" && fixedDay
              ? tAnswer("review.fixedDateValue", {
                  kind: tAnswer(`fixedDate.${stored.fixedDate}`),
                  date: format.dateTime(fixedDay, { dateStyle: "long", timeZone: "UTC" }),
                })
              : tAnswer(`fixedDate.${stored.fixedDate}`)}
          </Row>
          <Row term={t("healthSafety")}>
            {tAnswer(`healthSafety.${stored.healthOrSafety ? "YES" : "NO"}`)}
          </Row>
          <Row term={t("affected")}>{tAnswer(`affected.${stored.affected}`)}</Row>
          {stored.scheduledNextDay && <Row term={t("nextDay")}>{t("nextDayValue")}</Row>}
        </dl>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t("none")}</p>
      )}
    </Card>
  );
}
