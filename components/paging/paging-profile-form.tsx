"use client";

import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { savePagingProfile } from "@/lib/paging/actions";
import { PAGING_PREFERENCES } from "@/lib/paging/schema";

/** Mobile number and how pages come: a phone keypad for the number, one native select for the choice. */
export function PagingProfileForm({
  email,
  phone,
  preference,
}: {
  email: string;
  phone: string;
  preference: (typeof PAGING_PREFERENCES)[number];
}) {
  const t = useTranslations("rota.paging.profile");
  const { pending, onSubmit, failure, errorsFor, state } = useActionForm(savePagingProfile);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormStatus failure={failure} success={state?.ok ? t("saved") : null} />
      <TextField
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        label={t("phone")}
        hint={t("phoneHint")}
        defaultValue={phone}
        maxLength={40}
        errors={errorsFor("phone")}
      />
      <SelectField
        name="preference"
        label={t("preference")}
        hint={t("preferenceHint", { email })}
        defaultValue={preference}
        options={PAGING_PREFERENCES.map((value) => ({ value, label: t(`preferences.${value}`) }))}
        errors={errorsFor("preference")}
      />
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
