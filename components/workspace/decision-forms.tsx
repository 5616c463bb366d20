"use client";

import { useTranslations } from "next-intl";
import { staffTransition } from "@/lib/workflow/staff-actions";
import { buttonClasses } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useConfirmedStaffAction } from "./use-confirmed-staff-action";
import { ActionSection, FormErrors, TextArea } from "./form-parts";

type Move = "APPROVE" | "REJECT" | "ISSUE_DOCUMENT";
/** Requirements the server checks that no field of these dialogs can fix: listed in the summary. */
const UNPLACED = ["payment", "document"] as const;
const KEYS = { APPROVE: "approve", REJECT: "reject", ISSUE_DOCUMENT: "issue" } as const;

/**
 * The moves that end or complete a case, each confirmed in a dialog. Requirements the server
 * checks (payment before approval, a result document before issuing) come back as field errors
 * and are shown in the dialog.
 */
function DecisionDialog({ move, tone = "primary" }: { move: Move; tone?: "primary" | "danger" }) {
  const { t, errorText, errorsFor, unplacedErrors, dialog } = useConfirmedStaffAction(
    staffTransition,
    `workspace.actions.${KEYS[move]}`,
    tone,
    UNPLACED,
  );
  const tActions = useTranslations("workspace.actions");
  const id = `decision-${KEYS[move]}`;
  return (
    <ActionSection id={`action-${KEYS[move]}`} heading={t("heading")}>
      <ConfirmDialog {...dialog}>
        <input type="hidden" name="transition" value={move} />
        <FormErrors text={errorText} unplaced={[unplacedErrors]} />
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

/**
 * Approving needs the fee paid (or waived). While it is not, the reason is shown up front and the
 * button stays disabled, instead of a dialog that fails after confirming.
 */
export function ApproveForm({ unpaidAmount = null }: { unpaidAmount?: string | null }) {
  const t = useTranslations("workspace.actions.approve");
  if (unpaidAmount === null) return <DecisionDialog move="APPROVE" />;
  return (
    <ActionSection id="action-approve" heading={t("heading")}>
      <p
        id="approve-unpaid"
        className="rounded-lg border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950"
      >
        {t("unpaid", { amount: unpaidAmount })}
      </p>
      <button
        type="button"
        disabled
        aria-describedby="approve-unpaid"
        className={buttonClasses("primary", "w-full sm:w-auto")}
      >
        {t("open")}
      </button>
    </ActionSection>
  );
}

export function RejectForm() {
  return <DecisionDialog move="REJECT" tone="danger" />;
}

export function IssueDocumentForm() {
  return <DecisionDialog move="ISSUE_DOCUMENT" />;
}
