"use client";

import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { saveShift } from "@/lib/rota/actions";
import { WEEKDAYS } from "@/lib/rota/schema";

type Shift = { id: string; name: string; weekday: number; start: string; end: string };

/** Creates a shift (the action then opens its page) or, given one, edits it. Times are "HH:MM" in the rota's zone. */
export function ShiftForm({ shift }: { shift?: Shift }) {
  const t = useTranslations("rota");
  const { state, pending, onSubmit, failure, errorsFor } = useActionForm(saveShift);
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
      {shift && <input type="hidden" name="shiftId" value={shift.id} />}
      <TextField
        name="name"
        label={t("form.name")}
        hint={t("form.nameHint")}
        defaultValue={shift?.name}
        required
        maxLength={60}
        autoComplete="off"
        errors={errorsFor("name")}
      />
      <SelectField
        name="weekday"
        label={t("form.weekday")}
        defaultValue={String(shift?.weekday ?? 1)}
        errors={errorsFor("weekday")}
        options={WEEKDAYS.map((weekday) => ({ value: weekday, label: t(`weekdays.${weekday}`) }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="start"
          type="time"
          label={t("form.start")}
          defaultValue={shift?.start ?? "08:00"}
          required
          errors={errorsFor("start")}
        />
        <TextField
          name="end"
          type="time"
          label={t("form.end")}
          hint={t("form.endHint")}
          defaultValue={shift?.end ?? "16:00"}
          required
          errors={errorsFor("end")}
        />
      </div>
      <SubmitButton
        pending={pending}
        label={shift ? t("form.save") : t("form.create")}
        pendingLabel={t("form.pending")}
        className="sm:self-start"
      />
      <FormStatus failure={failure} success={state?.ok ? t("form.saved") : null} />
    </form>
  );
}
