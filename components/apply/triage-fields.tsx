"use client";

import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { TextField } from "@/components/ui/text-field";
import type { ApplicationField } from "@/lib/applications/schema";
import { TRIAGE_QUESTIONS } from "@/lib/applications/triage";
import type { FormValues } from "./draft-storage";
import { ChoiceGroup } from "./fields";
import { TriageOffer } from "./triage-offer";
import type { NightRota } from "@/lib/rota/day-shift";
import type { ApplyService } from "./types";

type Props = {
  service: ApplyService;
  values: FormValues;
  today: string;
  night: NightRota;
  errorFor: (field: ApplicationField) => string | undefined;
  setField: (field: keyof FormValues, value: string) => void;
  blur: (field: ApplicationField) => void;
};

const LAYOUT = {
  consequence: "pairs",
  fixedDate: "cards",
  healthSafety: "inline",
  affected: "cards",
} as const;

export function hasFixedDate(values: Pick<FormValues, "triageFixedDate">): boolean {
  return values.triageFixedDate === "APPOINTMENT" || values.triageFixedDate === "TRAVEL";
}

/** "How urgent is it?": the triage questions as radio groups, the fixed date when there is one, and the offer. */
export function TriageFields({ service, values, today, night, errorFor, setField, blur }: Props) {
  const t = useTranslations("apply.triage");
  const dateError = errorFor("triageFixedDateOn");
  return (
    <>
      <p className="-mt-3 text-sm text-slate-600">{t("intro")}</p>
      {TRIAGE_QUESTIONS.map((question) => (
        <Fragment key={question.id}>
          <ChoiceGroup
            name={question.field}
            legend={t(`${question.id}.legend`)}
            layout={LAYOUT[question.id]}
            value={values[question.field]}
            onChange={(value) => setField(question.field, value)}
            onBlur={() => blur(question.field)}
            error={errorFor(question.field)}
            choices={question.options.map((option: string) => ({
              value: option,
              label: t(`${question.id}.${option}`),
            }))}
          />
          {question.id === "fixedDate" && hasFixedDate(values) && (
            <TextField
              name="triageFixedDateOn"
              type="date"
              label={t("fixedDateOn")}
              hint={t("fixedDateOnHint")}
              min={today}
              value={values.triageFixedDateOn}
              onChange={(event) => setField("triageFixedDateOn", event.target.value)}
              onBlur={() => blur("triageFixedDateOn")}
              errors={dateError ? [dateError] : undefined}
              required
            />
          )}
        </Fragment>
      ))}
      <TriageOffer service={service} values={values} night={night} setField={setField} />
    </>
  );
}
