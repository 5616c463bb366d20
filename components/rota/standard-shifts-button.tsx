"use client";

import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { addStandardShifts } from "@/lib/rota/actions";

/** One button: the three standard shifts on every weekday (existing ones are kept, so a second press adds nothing). */
export function StandardShiftsButton() {
  const t = useTranslations("rota.actions");
  const { state, pending, onSubmit, failure } = useActionForm(addStandardShifts);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <SubmitButton
        pending={pending}
        label={t("standard")}
        pendingLabel={t("standardPending")}
        variant="secondary"
        aria-describedby="standard-shifts-hint"
        className="sm:self-start"
      />
      <p id="standard-shifts-hint" className="text-xs text-slate-600">
        {t("standardHint")}
      </p>
      <FormStatus
        failure={failure}
        success={state?.ok ? t("standardDone", { count: state.data.created }) : null}
      />
    </form>
  );
}
