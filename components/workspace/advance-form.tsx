"use client";

import { useTranslations } from "next-intl";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import { staffTransition } from "@/lib/workflow/staff-actions";
import { ActionSection, FormErrors, NoteFields, SubmitButton } from "./form-parts";
import { useStaffAction } from "./use-staff-action";

/** Moves the case to the next node of its service's path, with optional notes. */
export function AdvanceForm({ to }: { to: WorkflowNode }) {
  const t = useTranslations("workspace.actions.advance");
  const tNodes = useTranslations("nodes");
  const node = tNodes(to);
  const { formRef, onSubmit, pending, errorText, errorsFor } = useStaffAction(staffTransition, {
    doneText: t("done", { node }),
  });
  return (
    <ActionSection id="action-advance" heading={t("heading")}>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <input type="hidden" name="transition" value="ADVANCE" />
        <FormErrors text={errorText} />
        <NoteFields idPrefix="advance" errorsFor={errorsFor} />
        <SubmitButton
          pending={pending}
          label={t("submit", { node })}
          pendingLabel={t("pending")}
          shortcut="a"
        />
      </form>
    </ActionSection>
  );
}
