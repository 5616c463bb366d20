"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { CasePicker, type PickerCase } from "@/components/handover/case-picker";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { FormStatus } from "@/components/ui/form-status";
import { HintAndErrors, fieldIds } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { endShift } from "@/lib/handover/actions";
import { CHECKLIST_ITEMS } from "@/lib/handover/schema";

export type HandoverFormCase = PickerCase;

/**
 * "End shift": the cases to hand over (all by default), one note for them, optional notes per case,
 * incidents, and the checklist. The step asks first; on success the action opens the stored
 * handover, a refusal keeps everything typed (the form is submitted by hand).
 */
export function HandoverForm({ cases }: { cases: HandoverFormCase[] }) {
  const t = useTranslations("rota.handover");
  const { pending, onSubmit, failure, errorsFor } = useActionForm(endShift);
  const [count, setCount] = useState(cases.length);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const checklistErrors = errorsFor("checklist");
  const checklist = fieldIds("checklist", t("form.checklistHint"), checklistErrors);

  return (
    <form
      onSubmit={(event) => {
        dialogRef.current?.close();
        onSubmit(event);
      }}
      noValidate
      className="flex flex-col gap-5"
    >
      <TextAreaField
        id="handover-note"
        name="note"
        label={t("form.sharedNote")}
        hint={t("form.sharedNoteHint")}
        required
        rows={3}
        maxLength={2000}
        errors={errorsFor("note")}
      />
      <CasePicker
        cases={cases}
        legend={t("form.casesLegend")}
        initiallyAll
        sendsScope
        caseNotes={{
          label: (number) => t("form.note", { number }),
          summary: (number) => t("form.addNote", { number }),
          hint: t("form.noteHint"),
        }}
        errorsFor={errorsFor}
        onCountChange={setCount}
      />
      <HintAndErrors id="cases" errors={errorsFor("cases") ?? errorsFor("scope")} />

      <TextAreaField
        name="incidents"
        label={t("form.incidents")}
        hint={t("form.incidentsHint")}
        rows={4}
        maxLength={4000}
        errors={errorsFor("incidents")}
      />

      <fieldset aria-describedby={checklist.describedBy} className="flex flex-col">
        <legend className="text-base font-semibold text-slate-900">{t("form.checklistLegend")}</legend>
        {CHECKLIST_ITEMS.map((item) => (
          <CheckboxField
            key={item}
            id={`checklist-${item}`}
            name="checklist"
            value={item}
            label={t(`checklist.${item}`)}
            required
          />
        ))}
        <HintAndErrors id="checklist" hint={t("form.checklistHint")} errors={checklistErrors} />
      </fieldset>

      <FormStatus failure={failure} />
      <ConfirmSubmit
        dialogRef={dialogRef}
        pending={pending}
        labels={{
          open: t("form.submit"),
          title: t("form.confirmTitle"),
          body: t("form.confirmBody", { count }),
          confirm: t("form.confirm"),
          pending: t("form.pending"),
          cancel: t("form.cancel"),
        }}
      />
    </form>
  );
}
