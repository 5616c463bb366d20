"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { staffTransition } from "@/lib/workflow/staff-actions";
import { ConfirmDialog } from "./confirm-dialog";
import { ActionSection, FormErrors, TextArea } from "./form-parts";
import { useStaffAction } from "./use-staff-action";
import { useWorkspace } from "./workspace-sync";

type Move = "APPROVE" | "REJECT" | "ISSUE_DOCUMENT";
const KEYS = { APPROVE: "approve", REJECT: "reject", ISSUE_DOCUMENT: "issue" } as const;

/**
 * The moves that end or complete a case, each confirmed in a dialog. Requirements the server
 * checks (payment before approval, a result document before issuing) come back as field errors
 * and are shown in the dialog.
 */
function DecisionDialog({ move, tone = "primary" }: { move: Move; tone?: "primary" | "danger" }) {
  const t = useTranslations(`workspace.actions.${KEYS[move]}`);
  const tActions = useTranslations("workspace.actions");
  const { displayNumber } = useWorkspace();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const close = () => dialogRef.current?.close();
  const { formRef, onSubmit, pending, errorText, errorsFor } = useStaffAction(staffTransition, { doneText: t("done"), onDone: close, onStale: close });
  const id = `decision-${KEYS[move]}`;
  return (
    <ActionSection id={`action-${KEYS[move]}`} heading={t("heading")}>
      <ConfirmDialog
        dialogRef={dialogRef}
        formRef={formRef}
        onSubmit={onSubmit}
        pending={pending}
        openLabel={t("open")}
        title={t("dialogTitle")}
        body={t("dialogBody", { number: displayNumber })}
        confirmLabel={t("confirm")}
        pendingLabel={t("pending")}
        tone={tone}
      >
        <input type="hidden" name="transition" value={move} />
        <FormErrors text={errorText} unplaced={[errorsFor("payment"), errorsFor("document")]} />
        {move === "REJECT" ? (
          <TextArea id={`${id}-public`} name="publicNote" required label={t("reason")} hint={t("reasonHint")} errors={errorsFor("publicNote")} />
        ) : (
          <TextArea id={`${id}-public`} name="publicNote" rows={2} label={tActions("publicNote")} hint={tActions("publicNoteHint")} errors={errorsFor("publicNote")} />
        )}
        <TextArea id={`${id}-internal`} name="internalNote" rows={2} label={tActions("internalNote")} hint={tActions("internalNoteHint")} errors={errorsFor("internalNote")} />
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
