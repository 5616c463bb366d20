"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/text-field";
import type { ApplicationField } from "@/lib/applications/schema";
import { ID_TYPES } from "@/lib/identity/id-number";
import type { FormValues } from "./draft-storage";
import { ChoiceGroup } from "./fields";

type Props = {
  values: FormValues;
  errorFor: (field: ApplicationField) => string | undefined;
  setField: (field: keyof FormValues, value: string) => void;
  blur: (field: ApplicationField) => void;
};

/** Name, identity document, phone and email. */
export function ApplicantFields({ values, errorFor, setField, blur }: Props) {
  const t = useTranslations("apply.fields");
  const errors = (field: ApplicationField) => {
    const message = errorFor(field);
    return message ? [message] : undefined;
  };
  const text = (field: "applicantName" | "idNumber" | "phone" | "email") => ({
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) => setField(field, event.target.value),
    onBlur: () => blur(field),
    errors: errors(field),
    required: true,
  });

  return (
    <>
      <TextField
        {...text("applicantName")}
        label={t("applicantName")}
        hint={t("applicantNameHint")}
        autoComplete="name"
      />
      <ChoiceGroup
        name="idType"
        legend={t("idType")}
        layout="inline"
        value={values.idType}
        onChange={(idType) => setField("idType", idType)}
        onBlur={() => blur("idType")}
        error={errorFor("idType")}
        choices={ID_TYPES.map((type) => ({ value: type, label: t(`idTypes.${type}`) }))}
      />
      <TextField
        {...text("idNumber")}
        label={t("idNumber")}
        hint={values.idType === "PASSPORT" ? t("idNumberHintPassport") : t("idNumberHintResident")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
      />
      <TextField
        {...text("phone")}
        type="tel"
        label={t("phone")}
        hint={t("phoneHint")}
        autoComplete="tel"
        inputMode="tel"
      />
      <TextField
        {...text("email")}
        type="email"
        label={t("email")}
        hint={t("emailHint")}
        autoComplete="email"
        inputMode="email"
      />
    </>
  );
}
