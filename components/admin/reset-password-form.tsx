"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { resetPassword } from "@/lib/staff/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schema";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";

/**
 * The admin types a temporary password or has one generated. A generated one is shown here once
 * (it is in this page's memory only) and never again: it is stored as a hash and not audited.
 */
export function ResetPasswordForm({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("admin.staff.password");
  const [mode, setMode] = useState<"generate" | "manual">("generate");
  const { state, pending, formAction, onSubmit, failure, errorsFor } = useActionForm(resetPassword, {
    messageValues: { min: PASSWORD_MIN_LENGTH },
  });
  const generated = state?.ok ? state.data.generatedPassword : null;
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-3" autoComplete="off">
      <input type="hidden" name="userId" value={userId} />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{t("modeLegend")}</legend>
        {(["generate", "manual"] as const).map((option) => (
          <label key={option} className="flex min-h-11 items-center gap-3 text-sm">
            <input
              type="radio"
              name="mode"
              value={option}
              checked={mode === option}
              onChange={() => setMode(option)}
              className="size-5 accent-brand-600"
            />
            {t(option === "generate" ? "modeGenerate" : "modeManual")}
          </label>
        ))}
      </fieldset>
      {mode === "manual" && (
        <TextField
          name="password"
          type="password"
          label={t("newPassword")}
          hint={t("hint", { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required
          errors={errorsFor("password")}
        />
      )}
      <SubmitButton pending={pending} label={t("submit")} variant="secondary" className="sm:self-start" />
      <FormStatus failure={failure} success={state?.ok && !generated ? t("done", { name }) : null} />
      {generated && (
        <Notice tone="success">
          <p>{t("generatedNotice", { name })}</p>
          <p className="mt-2 select-all rounded-md bg-white px-3 py-2 font-mono text-lg tracking-wide text-slate-900">
            {generated}
          </p>
          <p className="mt-2">{t("generatedOnce")}</p>
        </Notice>
      )}
    </form>
  );
}
