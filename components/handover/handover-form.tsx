"use client";

import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { HintAndErrors, fieldIds } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/text-field";
import { endShift } from "@/lib/handover/actions";
import { CHECKLIST_ITEMS } from "@/lib/handover/schema";

/** One of the author's open cases, with its labels already in the reader's language. */
export type HandoverFormCase = { id: string; number: string; meta: string };

/**
 * "End shift": a note per open case, incidents, and the checklist (all ticked). On success the
 * action opens the stored handover; a refusal keeps everything typed (the form is submitted by hand).
 */
export function HandoverForm({ cases }: { cases: HandoverFormCase[] }) {
  const t = useTranslations("rota.handover");
  const { pending, onSubmit, failure, errorsFor } = useActionForm(endShift);
  const checklistErrors = errorsFor("checklist");
  const checklist = fieldIds("checklist", t("form.checklistHint"), checklistErrors);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-3">
        <legend className="text-base font-semibold text-slate-900">{t("form.casesLegend")}</legend>
        {cases.length === 0 && <p className="text-sm text-slate-700">{t("form.noCases")}</p>}
        {cases.map((item) => (
          <div key={item.id} className="flex flex-col gap-1 rounded-xl border border-slate-200 p-3">
            <input type="hidden" name="caseId" value={item.id} />
            <p className="text-xs text-slate-600">{item.meta}</p>
            <TextAreaField
              id={`note-${item.id}`}
              name="note"
              label={t("form.note", { number: item.number })}
              hint={t("form.noteHint")}
              required
              maxLength={1000}
              errors={errorsFor(`note.${item.id}`)}
            />
          </div>
        ))}
      </fieldset>

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
      <SubmitButton
        pending={pending}
        label={t("form.submit")}
        pendingLabel={t("form.pending")}
        className="sm:self-start"
      />
    </form>
  );
}
