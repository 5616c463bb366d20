"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import type { StaffCaseAssignee } from "@/lib/console/case-data";
import { assignCaseAction, claimCaseAction } from "@/lib/workflow/staff-actions";
import { ActionSection, FormErrors, SubmitButton, TextArea } from "./form-parts";
import { useStaffAction } from "./use-staff-action";

export function ClaimForm() {
  const t = useTranslations("workspace.actions.claim");
  const { formRef, onSubmit, pending, errorText } = useStaffAction(claimCaseAction, { doneText: t("done") });
  return (
    <ActionSection id="action-claim" heading={t("heading")}>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <FormErrors text={errorText} />
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("pending")} shortcut="c" />
      </form>
    </ActionSection>
  );
}

type AssignProps = { assignees: StaffCaseAssignee[]; currentAssigneeId: string | null };

/** Supervisors: hand the case to someone eligible, or back to the queue, with an internal note. */
export function AssignForm({ assignees, currentAssigneeId }: AssignProps) {
  const t = useTranslations("workspace.actions.assign");
  const tRoles = useTranslations("roles");
  const { formRef, onSubmit, pending, errorText, errorsFor } = useStaffAction(assignCaseAction, {
    doneText: t("done"),
  });
  return (
    <ActionSection id="action-assign" heading={t("heading")}>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <FormErrors text={errorText} />
        {/* Keyed by the current assignee so that a refresh shows the saved choice, not a stale one. */}
        <SelectField
          key={currentAssigneeId ?? "none"}
          id="assign-assignee"
          name="assigneeId"
          label={t("assignee")}
          defaultValue={currentAssigneeId ?? ""}
          errors={errorsFor("assigneeId")}
          emptyOption={t("nobody")}
          options={assignees.map((user) => ({
            value: user.id,
            label: t("option", { name: user.displayName, role: tRoles(user.role), count: user.openCases }),
          }))}
        />
        <TextArea id="assign-note" name="note" rows={2} label={t("note")} errors={errorsFor("note")} />
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("pending")} />
      </form>
    </ActionSection>
  );
}
