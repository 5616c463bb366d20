"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import type { FormEvent } from "react";
import { EvidenceUploader } from "@/components/evidence/evidence-uploader";
import { Button } from "@/components/ui/button";
import type { ApplicationField } from "@/lib/applications/schema";
import type { UploadedEvidence } from "@/lib/evidence/types";
import { ApplicantFields } from "./applicant-fields";
import type { FormValues } from "./draft-storage";
import { FieldError } from "./fields";
import { calendarDay } from "./format";
import { ReasonField } from "./reason-field";
import { TriageFields } from "./triage-fields";
import type { NightRota } from "@/lib/rota/day-shift";
import type { ApplyService } from "./types";
import { UrgencyFields } from "./urgency-fields";

type Props = {
  service: ApplyService;
  values: FormValues;
  files: UploadedEvidence[];
  today: string;
  night: NightRota;
  errorFor: (field: ApplicationField) => string | undefined;
  setField: (field: keyof FormValues, value: string, extra?: Partial<FormValues>) => void;
  blur: (field: ApplicationField) => void;
  onFilesChange: (files: UploadedEvidence[], busy: boolean) => void;
  onContinue: () => void;
};

/** Step 1: every question, in four groups, then "Continue to review". */
export function FormStep({
  service,
  values,
  files,
  today,
  night,
  errorFor,
  setField,
  blur,
  onFilesChange,
  onContinue,
}: Props) {
  const t = useTranslations("apply");
  const format = useFormat();
  const day = calendarDay(values.neededBy);
  const evidenceError = errorFor("evidenceIds");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onContinue();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="step-heading" className="flex flex-col gap-6">
      <h2 id="step-heading" tabIndex={-1} className="text-xl font-semibold text-slate-900">
        {t("stepForm")}
      </h2>

      <section
        aria-labelledby="section-request"
        className="flex flex-col gap-5 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6"
      >
        <h3 id="section-request" className="text-lg font-semibold">
          {t("sections.request")}
        </h3>
        <UrgencyFields
          service={service}
          values={values}
          today={today}
          errorFor={errorFor}
          setField={setField}
          blur={blur}
        />
        <ReasonField
          serviceName={service.name}
          neededByText={day ? format.dateTime(day, { dateStyle: "long", timeZone: "UTC" }) : ""}
          value={values.reason}
          error={errorFor("reason")}
          onChange={(reason) => setField("reason", reason)}
          onBlur={() => blur("reason")}
        />
      </section>

      <section
        aria-labelledby="section-triage"
        className="flex flex-col gap-5 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6"
      >
        <h3 id="section-triage" className="text-lg font-semibold">
          {t("sections.triage")}
        </h3>
        <TriageFields
          service={service}
          values={values}
          today={today}
          night={night}
          errorFor={errorFor}
          setField={setField}
          blur={blur}
        />
      </section>

      <section
        aria-labelledby="section-applicant"
        className="flex flex-col gap-5 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6"
      >
        <h3 id="section-applicant" className="text-lg font-semibold">
          {t("sections.applicant")}
        </h3>
        <ApplicantFields values={values} errorFor={errorFor} setField={setField} blur={blur} />
      </section>

      <section
        aria-labelledby="evidence-heading"
        aria-describedby={evidenceError ? "field-evidenceIds-error" : undefined}
        className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6"
      >
        <div>
          <h3 id="evidence-heading" tabIndex={-1} className="text-lg font-semibold">
            {t("sections.evidence")}
          </h3>
          <p className="mt-1 text-sm text-slate-600">{t("evidenceIntro")}</p>
        </div>
        <FieldError id="field-evidenceIds-error" message={evidenceError} />
        {service.evidence.length > 0 ? (
          <EvidenceUploader
            requirements={service.evidence}
            initialFiles={files}
            onChange={(next, state) => onFilesChange(next, state.busy)}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("noEvidenceNeeded")}</p>
        )}
      </section>

      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-600">{t("savedOnDevice")}</p>
        <Button type="submit">{t("continue")}</Button>
      </div>
    </form>
  );
}
