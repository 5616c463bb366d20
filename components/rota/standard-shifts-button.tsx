"use client";

import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/admin/form-status";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { Button } from "@/components/ui/button";
import { addStandardShifts } from "@/lib/rota/actions";

/** One button: the three standard shifts on every weekday (existing ones are kept, so a second press adds nothing). */
export function StandardShiftsButton() {
  const t = useTranslations("rota.actions");
  const { state, pending, onSubmit, failure } = useAdminForm(addStandardShifts);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        aria-busy={pending}
        aria-describedby="standard-shifts-hint"
        className="sm:self-start"
      >
        {pending ? t("standardPending") : t("standard")}
      </Button>
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
