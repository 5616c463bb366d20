"use client";

import { useLocale, useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { partialTriageAnswers, suggestStandardRoute } from "@/lib/applications/triage";
import { nextDayShiftStart, type NightRota } from "@/lib/rota/day-shift";
import { formatMoney } from "@/lib/catalog/fees";
import { isUrgencyTier } from "@/lib/catalog/tiers";
import type { FormValues } from "./draft-storage";
import { processingTimeText } from "./format";
import type { ApplyService } from "./types";

type Props = {
  service: ApplyService;
  values: FormValues;
  night: NightRota;
  setField: (field: keyof FormValues, value: string) => void;
};

/** The scheduled start as the offer and the review step say it, in the rota's zone, named. */
export function startTimeText(
  format: ReturnType<typeof useFormat>,
  startsAt: Date,
  timeZone: string,
): string {
  return format.dateTime(startsAt, {
    weekday: "short",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
}

/** The current time, renewed every minute: a form left open past 22:00 starts offering the next morning. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** What the offer computes from the answers so far; the review step shows the same next-day choice. */
export function useRouteSuggestion(service: ApplyService, values: FormValues, night: NightRota) {
  const now = useMinuteClock();
  const tier = isUrgencyTier(values.tier) ? values.tier : "";
  return {
    now,
    suggestion: suggestStandardRoute(partialTriageAnswers(values), tier, service.tiers, now, night.timeZone),
    /** When work would start with "start next morning": the rota's next day shift (decision 035). */
    startsAt: nextDayShiftStart(now, night.timeZone, night.dayShifts),
  };
}

/**
 * "This does not look urgent": switch to Standard (cheaper, leaves the fast lanes free) and, at
 * night, start the next morning. Never blocks: the applicant may keep their choice.
 */
export function TriageOffer({ service, values, night, setField }: Props) {
  const t = useTranslations();
  const format = useFormat();
  const locale = useLocale() === "zh" ? "zh" : "en";
  const { suggestion, startsAt } = useRouteSuggestion(service, values, night);
  // Counts presses, so focus moves to the confirmation on every switch, not only the first.
  const [switches, setSwitches] = useState(0);
  const confirmation = useRef<HTMLParagraphElement>(null);
  const { offerStandard, offerNextDay, standard, savingMinor } = suggestion;
  const showSwitched = switches > 0 && values.tier === "STANDARD";

  useEffect(() => {
    // The pressed button is gone once the tier is Standard: focus goes to what replaced it.
    if (switches > 0) confirmation.current?.focus();
  }, [switches]);

  function switchToStandard() {
    setField("tier", "STANDARD");
    setSwitches((count) => count + 1);
  }

  const offered = offerStandard || offerNextDay;
  return (
    <>
      <p aria-live="polite" className="sr-only">
        {offered ? t("apply.triage.offer.heading") : ""}
      </p>
      {(offered || showSwitched) && (
        <section
          aria-labelledby="triage-offer-heading"
          className="rounded-xl border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950"
        >
          <h4 id="triage-offer-heading" className="font-semibold">
            {t("apply.triage.offer.heading")}
          </h4>
          {showSwitched && (
            <p ref={confirmation} tabIndex={-1} className="mt-1 font-medium">
              {t("apply.triage.offer.switched")}
            </p>
          )}
          {offerStandard && standard && (
            <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
              <p>
                {savingMinor > 0
                  ? t("apply.triage.offer.standard", {
                      saving: formatMoney(savingMinor, service.currency, locale),
                      time: processingTimeText(standard.processingHours, t),
                    })
                  : t("apply.triage.offer.standardSameFee", {
                      time: processingTimeText(standard.processingHours, t),
                    })}
              </p>
              <Button type="button" variant="secondary" className="shrink-0" onClick={switchToStandard}>
                {t("apply.triage.offer.switch")}
              </Button>
            </div>
          )}
          {offerNextDay && (
            <label
              htmlFor="field-triageNextDay"
              className="mt-3 flex min-h-11 cursor-pointer items-start gap-3"
            >
              <input
                id="field-triageNextDay"
                type="checkbox"
                checked={values.triageNextDay === "yes"}
                onChange={(event) => setField("triageNextDay", event.target.checked ? "yes" : "")}
                aria-describedby="field-triageNextDay-hint"
                className="mt-1 size-4 shrink-0 accent-brand-600"
              />
              <span className="flex flex-col gap-0.5">
                <span className="font-medium">{t("apply.triage.offer.nextDay")}</span>
                <span id="field-triageNextDay-hint" className="text-xs">
                  {/* In the rota's zone, named: "morning" is the office's morning, wherever the applicant is. */}
                  {t("apply.triage.offer.nextDayHint", {
                    time: startTimeText(format, startsAt, night.timeZone),
                  })}
                </span>
              </span>
            </label>
          )}
          {offered && <p className="mt-2 text-xs">{t("apply.triage.offer.keep")}</p>}
        </section>
      )}
    </>
  );
}
