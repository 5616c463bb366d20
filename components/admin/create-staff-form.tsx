"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { LOCALES } from "@/lib/i18n/config";
import { createStaff } from "@/lib/staff/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schema";
import { STAFF_ROLE_VALUES } from "@/lib/staff/schema";
import { SelectField } from "@/components/ui/select-field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";

/** On success the action redirects to the new account's page, which says it was created. */
export function CreateStaffForm() {
  const t = useTranslations("admin.staff.create");
  const tAdmin = useTranslations("admin");
  const tRoles = useTranslations("roles");
  const { pending, formAction, onSubmit, failure, errorsFor } = useActionForm(createStaff, {
    messageValues: { min: PASSWORD_MIN_LENGTH },
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
      <FormStatus failure={failure} />
      <TextField
        name="displayName"
        label={t("displayName")}
        autoComplete="off"
        required
        maxLength={80}
        errors={errorsFor("displayName")}
      />
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="off"
        inputMode="email"
        required
        errors={errorsFor("email")}
      />
      <SelectField
        name="role"
        label={t("role")}
        defaultValue="REVIEWER"
        errors={errorsFor("role")}
        options={STAFF_ROLE_VALUES.map((role) => ({ value: role, label: tRoles(role) }))}
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint", { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        errors={errorsFor("password")}
      />
      <SelectField
        name="locale"
        label={t("locale")}
        defaultValue="zh"
        errors={errorsFor("locale")}
        options={LOCALES.map((locale) => ({ value: locale, label: tAdmin(`locales.${locale}`) }))}
      />
      <SubmitButton
        pending={pending}
        label={t("submit")}
        pendingLabel={t("submitting")}
        className="sm:self-start"
      />
    </form>
  );
}
