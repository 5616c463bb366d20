"use client";

import { useTranslations } from "next-intl";
import { TextAreaField, TextField } from "@/components/ui/text-field";
import { fenToYuan, MAX_LOAD_THRESHOLD, MAX_SORT_ORDER } from "@/lib/catalog/admin-schema";
import { CheckboxField } from "@/components/ui/checkbox-field";

export type ServiceValues = {
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  baseFeeMinor: number;
  requiresExpertReview: boolean;
  sortOrder: number;
  loadThreshold: number | null;
};

/** The fields a new service and an existing one share; the fee is typed in yuan and stored in fen. */
export function ServiceFields({
  values,
  errorsFor,
}: {
  values?: ServiceValues;
  errorsFor: (field: string) => string[] | undefined;
}) {
  const t = useTranslations("admin.catalog.service");
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          name="nameZh"
          lang="zh-CN"
          label={t("nameZh")}
          defaultValue={values?.nameZh}
          required
          maxLength={120}
          errors={errorsFor("nameZh")}
        />
        <TextField
          name="nameEn"
          lang="en"
          label={t("nameEn")}
          defaultValue={values?.nameEn}
          required
          maxLength={120}
          errors={errorsFor("nameEn")}
        />
        <TextAreaField
          name="descriptionZh"
          lang="zh-CN"
          label={t("descriptionZh")}
          defaultValue={values?.descriptionZh}
          maxLength={2000}
          errors={errorsFor("descriptionZh")}
        />
        <TextAreaField
          name="descriptionEn"
          lang="en"
          label={t("descriptionEn")}
          defaultValue={values?.descriptionEn}
          maxLength={2000}
          errors={errorsFor("descriptionEn")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="baseFeeMinor"
          label={t("baseFee")}
          hint={t("baseFeeHint")}
          inputMode="decimal"
          defaultValue={values ? fenToYuan(values.baseFeeMinor) : ""}
          required
          errors={errorsFor("baseFeeMinor")}
        />
        <TextField
          name="sortOrder"
          type="number"
          label={t("sortOrder")}
          hint={t("sortOrderHint")}
          min={0}
          max={MAX_SORT_ORDER}
          step={1}
          defaultValue={values?.sortOrder ?? 0}
          errors={errorsFor("sortOrder")}
        />
        <TextField
          name="loadThreshold"
          type="number"
          label={t("loadThreshold")}
          hint={t("loadThresholdHint")}
          min={1}
          max={MAX_LOAD_THRESHOLD}
          step={1}
          defaultValue={values?.loadThreshold ?? ""}
          errors={errorsFor("loadThreshold")}
        />
      </div>
      <CheckboxField
        name="requiresExpertReview"
        label={t("requiresExpertReview")}
        hint={t("requiresExpertReviewHint")}
        defaultChecked={values?.requiresExpertReview}
      />
    </>
  );
}
