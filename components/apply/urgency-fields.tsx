"use client";

import { useLocale, useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { endOfLocalDay, expectedCompletion, noTierMeets, tiersTooSlowFor } from "@/lib/applications/deadline";
import type { ApplicationField } from "@/lib/applications/schema";
import { formatMoney } from "@/lib/catalog/fees";
import type { FormValues } from "./draft-storage";
import { ChoiceGroup } from "./fields";
import { processingTimeText } from "./format";
import type { ApplyService } from "./types";

type Props = {
  service: ApplyService;
  values: FormValues;
  today: string;
  errorFor: (field: ApplicationField) => string | undefined;
  setField: (field: keyof FormValues, value: string, extra?: Partial<FormValues>) => void;
  blur: (field: ApplicationField) => void;
};

/** Minutes east of UTC on that day in this browser's zone (summer time included). */
function utcOffsetOn(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  if (!year || !month || !day) return String(-new Date().getTimezoneOffset());
  return String(-new Date(year, month - 1, day, 23, 59).getTimezoneOffset());
}

/** Tier (radio cards with time and fee), needed-by date, and a warning when no tier can make it. */
export function UrgencyFields({ service, values, today, errorFor, setField, blur }: Props) {
  const t = useTranslations();
  const format = useFormat();
  const locale = useLocale() === "zh" ? "zh" : "en";
  // The clock for the warnings: when the form opened is close enough, and keeps rendering pure.
  const [now] = useState(() => new Date());
  const money = (minor: number) => formatMoney(minor, service.currency, locale);
  const neededByAt = values.neededBy ? endOfLocalDay(values.neededBy, Number(values.utcOffsetMinutes)) : null;
  const usable = neededByAt && neededByAt > now ? neededByAt : null;
  const tooSlow = new Set(usable ? tiersTooSlowFor(service.tiers, usable, now).map((tier) => tier.tier) : []);
  const fastest = service.tiers.reduce<ApplyService["tiers"][number] | undefined>(
    (best, tier) => (!best || tier.processingHours < best.processingHours ? tier : best),
    undefined,
  );
  const urgentOffered = service.tiers.some((tier) => tier.tier !== "STANDARD");

  return (
    <>
      <ChoiceGroup
        name="tier"
        legend={t("apply.fields.tier")}
        description={urgentOffered ? t("apply.fields.tierHint") : t("catalog.noUrgentTier")}
        value={values.tier}
        onChange={(tier) => setField("tier", tier)}
        onBlur={() => blur("tier")}
        error={errorFor("tier")}
        choices={service.tiers.map((tier) => ({
          value: tier.tier,
          label: t(`catalog.tiers.${tier.tier}`),
          details: (
            <>
              <span className="block">{processingTimeText(tier.processingHours, t)}</span>
              <span className="block font-semibold text-slate-900 tabular-nums">
                {money(service.baseFeeMinor + tier.surchargeMinor)}
              </span>
              {tier.surchargeMinor > 0 && (
                <span className="block text-xs tabular-nums">
                  {t("catalog.surchargeBreakdown", {
                    base: money(service.baseFeeMinor),
                    surcharge: money(tier.surchargeMinor),
                  })}
                </span>
              )}
              {tooSlow.has(tier.tier) && (
                <span className="mt-1 block text-xs font-medium text-amber-800">
                  {t("apply.tierTooSlow")}
                </span>
              )}
            </>
          ),
        }))}
      />

      <div className="flex flex-col gap-2">
        <TextField
          name="neededBy"
          type="date"
          label={t("apply.fields.neededBy")}
          hint={t("apply.fields.neededByHint")}
          min={today}
          value={values.neededBy}
          onChange={(event) =>
            setField("neededBy", event.target.value, { utcOffsetMinutes: utcOffsetOn(event.target.value) })
          }
          onBlur={() => blur("neededBy")}
          errors={errorFor("neededBy") ? [errorFor("neededBy")!] : undefined}
          required
        />
        {usable && fastest && noTierMeets(service.tiers, usable, now) && (
          // A warning, not an error: the applicant may still apply (a partial result, a date that can move).
          <p
            role="status"
            className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            {t("apply.deadlineWarning", {
              tier: t(`catalog.tiers.${fastest.tier}`),
              time: processingTimeText(fastest.processingHours, t),
              date: format.dateTime(expectedCompletion(now, fastest.processingHours), {
                dateStyle: "medium",
                timeStyle: "short",
              }),
            })}
          </p>
        )}
      </div>
    </>
  );
}
