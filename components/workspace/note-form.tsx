"use client";

import { useTranslations } from "next-intl";
import { addCaseNoteAction } from "@/lib/workflow/staff-actions";
import { ActionSection, FormErrors, SubmitButton, TextArea } from "./form-parts";
import { useStaffAction } from "./use-staff-action";

/** One note field; the chosen visibility decides whether it is sent as the public or the internal note. */
function asPublicOrInternal(formData: FormData) {
  const note = String(formData.get("note") ?? "");
  formData.set(formData.get("visibility") === "public" ? "publicNote" : "internalNote", note);
  formData.delete("note");
  formData.delete("visibility");
}

export function NoteForm() {
  const t = useTranslations("workspace.actions.note");
  const { formRef, onSubmit, pending, errorText, errorsFor } = useStaffAction(addCaseNoteAction, {
    doneText: t("done"),
    prepare: asPublicOrInternal,
  });
  const noteErrors = [...(errorsFor("publicNote") ?? []), ...(errorsFor("internalNote") ?? [])];
  return (
    <ActionSection id="action-note" heading={t("heading")}>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <FormErrors text={errorText} />
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium text-slate-800">{t("visibility")}</legend>
          {/* Internal first and preselected: the safe default for anything typed in a hurry. */}
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="visibility" value="internal" defaultChecked className="size-4" />
            {t("internal")}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="visibility" value="public" className="size-4" />
            {t("public")}
          </label>
        </fieldset>
        <TextArea
          id="note-text"
          name="note"
          label={t("text")}
          errors={noteErrors.length ? noteErrors : undefined}
          data-shortcut="n"
        />
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("pending")} />
      </form>
    </ActionSection>
  );
}
