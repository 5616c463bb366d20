"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/text-field";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { lapsedSupplementAction } from "@/lib/workflow/lapse-actions";
import type { LapseAction } from "@/lib/workflow/supplement-deadline";
import { ActionSection, FormErrors, NoteFields, SubmitButton, TextArea } from "./form-parts";
import { withIsoDueAt } from "./supplement-request-form";
import { useConfirmedStaffAction } from "./use-confirmed-staff-action";
import { useStaffAction } from "./use-staff-action";

/** A new due time for the applicant: told to them, reminded before it (decision 034). */
function ExtendForm() {
  const t = useTranslations("workspace.lapse.extend");
  const { formRef, onSubmit, pending, errorText, errorsFor, unplacedErrors } = useStaffAction(
    lapsedSupplementAction,
    { doneText: t("done"), prepare: withIsoDueAt },
  );
  return (
    <ActionSection id="lapse-extend" heading={t("heading")}>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <input type="hidden" name="action" value="EXTEND_SUPPLEMENT" />
        <FormErrors text={errorText} unplaced={[unplacedErrors]} />
        <TextField
          id="lapse-due"
          name="dueAtLocal"
          type="datetime-local"
          label={t("dueAt")}
          hint={t("dueAtHint")}
          errors={errorsFor("dueAt")}
        />
        <NoteFields idPrefix="lapse-extend" errorsFor={errorsFor} />
        <SubmitButton pending={pending} label={t("open")} pendingLabel={t("pending")} />
      </form>
    </ActionSection>
  );
}

/** Continue without the material, or close the case for it: both asked first in a dialog. */
function ConfirmedLapseForm({ action }: { action: "CONTINUE_WITHOUT_SUPPLEMENT" | "CLOSE_NOT_PROVIDED" }) {
  const close = action === "CLOSE_NOT_PROVIDED";
  const name = close ? "close" : "continue";
  const tone = close ? "danger" : "primary";
  const { t, errorText, errorsFor, unplacedErrors, dialog } = useConfirmedStaffAction(
    lapsedSupplementAction,
    `workspace.lapse.${name}`,
    tone,
  );
  const tCase = useTranslations("case");
  const tActions = useTranslations("workspace.actions");
  return (
    <ActionSection id={`lapse-${name}`} heading={t("heading")}>
      <ConfirmDialog {...dialog} openVariant={close ? "danger-secondary" : "secondary"}>
        <input type="hidden" name="action" value={action} />
        <FormErrors text={errorText} unplaced={[unplacedErrors]} />
        {close && (
          <div className="rounded-lg bg-slate-50 p-3 text-sm">
            <p className="font-medium text-slate-800">{t("reason")}</p>
            <p className="mt-1 text-slate-700">{tCase("supplementNotProvidedReason")}</p>
          </div>
        )}
        <TextArea
          id={`lapse-${name}-public`}
          name="publicNote"
          rows={2}
          label={tActions("publicNote")}
          hint={tActions("publicNoteHint")}
          errors={errorsFor("publicNote")}
        />
        <TextArea
          id={`lapse-${name}-internal`}
          name="internalNote"
          rows={2}
          label={tActions("internalNote")}
          hint={tActions("internalNoteHint")}
          errors={errorsFor("internalNote")}
        />
      </ConfirmDialog>
    </ActionSection>
  );
}

/** The three ways on from a lapsed supplement, as the server allows them for this viewer. */
export function LapseForms({ actions, dueAt }: { actions: readonly LapseAction[]; dueAt: string }) {
  const t = useTranslations("workspace.lapse");
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-amber-300 bg-amber-50 p-3">
      <p className="font-semibold text-amber-950">
        <span aria-hidden="true">⚑ </span>
        {t("heading")}
      </p>
      <p className="text-sm text-amber-950">{t("intro", { time: dueAt })}</p>
      {actions.includes("EXTEND_SUPPLEMENT") && <ExtendForm />}
      {actions.includes("CONTINUE_WITHOUT_SUPPLEMENT") && (
        <ConfirmedLapseForm action="CONTINUE_WITHOUT_SUPPLEMENT" />
      )}
      {actions.includes("CLOSE_NOT_PROVIDED") && <ConfirmedLapseForm action="CLOSE_NOT_PROVIDED" />}
    </div>
  );
}
