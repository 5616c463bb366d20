"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import type { ReactNode } from "react";
import { FeeBreakdown } from "@/components/payments/fee-breakdown";
import { RefundPolicy } from "@/components/payments/refund-policy";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ApplicationField } from "@/lib/applications/schema";
import type { UploadedEvidence } from "@/lib/evidence/types";
import type { FormValues } from "./draft-storage";
import { calendarDay, processingTimeText } from "./format";
import { startTimeText, useRouteSuggestion } from "./triage-offer";
import type { NightRota } from "@/lib/rota/day-shift";
import type { ApplyService } from "./types";
import { linkClasses } from "@/components/ui/text-link";
import { labelled } from "@/lib/i18n/punctuation";

type Props = {
  service: ApplyService;
  values: FormValues;
  files: UploadedEvidence[];
  night: NightRota;
  pending: boolean;
  onChange: (field: ApplicationField) => void;
  onBack: () => void;
  onSubmit: () => void;
};

/** Step 2: "check your answers", the fee and the refund rules, and the one button that files it. */
export function ReviewStep({ service, values, files, night, pending, onChange, onBack, onSubmit }: Props) {
  const t = useTranslations();
  const format = useFormat();
  const tier = service.tiers.find((option) => option.tier === values.tier);
  const day = calendarDay(values.neededBy);
  const fixedDay = calendarDay(values.triageFixedDateOn);
  // Shown only while the offer stands; the server checks it again when the application arrives.
  const { suggestion, startsAt } = useRouteSuggestion(service, values, night);
  const nextDay = values.triageNextDay === "yes" && suggestion.offerNextDay;
  const answer = (question: string, value: string) => (value ? t(`apply.triage.${question}.${value}`) : "");
  const labelOf = (kind: string) => service.evidence.find((item) => item.kind === kind)?.label ?? kind;

  const rows: { field: ApplicationField; label: string; value: ReactNode }[] = [
    {
      field: "tier",
      label: t("apply.fields.tier"),
      value: tier
        ? `${t(`catalog.tiers.${tier.tier}`)} · ${processingTimeText(tier.processingHours, t)}`
        : "",
    },
    {
      field: "neededBy",
      label: t("apply.fields.neededBy"),
      value: day ? format.dateTime(day, { dateStyle: "long", timeZone: "UTC" }) : "",
    },
    {
      field: "reason",
      label: t("apply.fields.reason"),
      value: <span className="whitespace-pre-wrap">{values.reason.trim()}</span>,
    },
    {
      field: "triageConsequence",
      label: t("apply.triage.consequence.legend"),
      value: answer("consequence", values.triageConsequence),
    },
    {
      field: "triageFixedDate",
      label: t("apply.triage.fixedDate.legend"),
      value:
        values.triageFixedDate !== "NONE" && fixedDay
          ? t("apply.triage.review.fixedDateValue", {
              kind: answer("fixedDate", values.triageFixedDate),
              date: format.dateTime(fixedDay, { dateStyle: "long", timeZone: "UTC" }),
            })
          : answer("fixedDate", values.triageFixedDate),
    },
    {
      field: "triageHealthSafety",
      label: t("apply.triage.healthSafety.legend"),
      value: answer("healthSafety", values.triageHealthSafety),
    },
    {
      field: "triageAffected",
      label: t("apply.triage.affected.legend"),
      value: answer("affected", values.triageAffected),
    },
    ...(nextDay
      ? [
          {
            field: "triageNextDay" as const,
            label: t("apply.triage.review.nextDay"),
            value: t("apply.triage.review.nextDayValue", {
              time: startTimeText(format, startsAt, night.timeZone),
            }),
          },
        ]
      : []),
    { field: "applicantName", label: t("apply.fields.applicantName"), value: values.applicantName.trim() },
    {
      field: "idNumber",
      label: t("apply.fields.idNumber"),
      value: `${t(`apply.fields.idTypes.${values.idType}`)} · ${values.idNumber.trim().toUpperCase()}`,
    },
    { field: "phone", label: t("apply.fields.phone"), value: values.phone.trim() },
    { field: "email", label: t("apply.fields.email"), value: values.email.trim() },
    {
      field: "evidenceIds",
      label: t("apply.sections.evidence"),
      value:
        files.length === 0 ? (
          t("apply.noFiles")
        ) : (
          <ul className="list-disc pl-5">
            {files.map((file) => (
              <li key={file.id} className="break-words">
                {labelled(labelOf(file.kind), file.originalName, format.locale)}
              </li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      aria-labelledby="step-heading"
      className="flex flex-col gap-6"
    >
      <div>
        <h2 id="step-heading" tabIndex={-1} className="text-xl font-semibold text-slate-900">
          {t("apply.stepReview")}
        </h2>
        <p className="mt-1 text-slate-600">{t("apply.reviewIntro")}</p>
      </div>

      <dl className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white px-4 sm:px-6">
        <div className="flex flex-col gap-1 py-3 sm:flex-row sm:gap-4">
          <dt className="text-sm font-medium text-slate-600 sm:w-40 sm:shrink-0">
            {t("apply.fields.service")}
          </dt>
          <dd className="min-w-0 flex-1">{service.name}</dd>
        </div>
        {rows.map((row) => (
          <div key={row.field} className="flex flex-col gap-1 py-3 sm:flex-row sm:gap-4">
            <dt className="text-sm font-medium text-slate-600 sm:w-40 sm:shrink-0">{row.label}</dt>
            <dd className="min-w-0 flex-1 break-words">{row.value}</dd>
            <dd className="sm:shrink-0">
              <button
                type="button"
                onClick={() => onChange(row.field)}
                className={linkClasses({ extra: "underline-offset-2" })}
              >
                {t("apply.change")}
                <span className="sr-only"> {row.label}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>

      {tier && (
        <div className="flex flex-col gap-4">
          <div className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <FeeBreakdown
              caption={t("apply.feeTitle")}
              baseMinor={service.baseFeeMinor}
              surchargeMinor={tier.surchargeMinor}
              currency={service.currency}
            />
            <p className="mt-2 text-xs text-slate-600">{t("apply.feeNote")}</p>
          </div>
          <RefundPolicy
            baseMinor={service.baseFeeMinor}
            surchargeMinor={tier.surchargeMinor}
            currency={service.currency}
            headingLevel="h3"
          />
        </div>
      )}

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onBack} disabled={pending}>
          {t("apply.backToForm")}
        </Button>
        <SubmitButton pending={pending} label={t("apply.submit")} pendingLabel={t("apply.submitting")} />
      </div>
    </form>
  );
}
