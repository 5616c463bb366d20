"use client";

import { useTranslations } from "next-intl";
import { staffTransition } from "@/lib/workflow/staff-actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useConfirmedStaffAction } from "./use-confirmed-staff-action";
import { ActionSection, FormErrors, TextArea } from "./form-parts";

type Move = "APPROVE" | "REJECT" | "ISSUE_DOCUMENT";
const KEYS = { APPROVE: "approve", REJECT: "reject", ISSUE_DOCUMENT: "issue" } as const;

/**
 * The moves that end or complete a case, each confirmed in a dialog. Requirements the server
 * checks (payment before approval, a result document before issuing) come back as field errors
 * and are shown in the dialog.
 */
function DecisionDialog({ move, tone = "primary" }: { move: Move; tone?: "primary" | "danger" }) {
  const { t, errorText, errorsFor, dialog } = useConfirmedStaffAction(
    staffTransition,
    `workspace.actions.${KEYS[move]}`,
    tone,
  );
  const tActions = useTranslations("workspace.actions");
  const id = `decision-${KEYS[move]}`;
  return (
    <ActionSection id={`action-${KEYS[move]}`} heading={t("heading")}>
      <ConfirmDialog {...dialog}>
        <input type="hidden" name="transition" value={move} />
        <FormErrors text={errorText} unplaced={[errorsFor("payment"), errorsFor("document")]} />
        {move === "REJECT" ? (
          <TextArea
            id={`${id}-public`}
            name="publicNote"
            required
            label={t("reason")}
            hint={t("reasonHint")}
            errors={errorsFor("publicNote")}
          />
        ) : (
          <TextArea
            id={`${id}-public`}
            name="publicNote"
            rows={2}
            label={tActions("publicNote")}
            hint={tActions("publicNoteHint")}
            errors={errorsFor("publicNote")}
          />
        )}
        <TextArea
          id={`${id}-internal`}
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

export function ApproveForm() {
  return <DecisionDialog move="APPROVE" />;
}

export function RejectForm() {
  return <DecisionDialog move="REJECT" tone="danger" />;
}

export function IssueDocumentForm() {
  return <DecisionDialog move="ISSUE_DOCUMENT" />;
}
