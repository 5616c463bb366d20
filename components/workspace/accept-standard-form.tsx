"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { acceptAsStandardAction } from "@/lib/workflow/staff-actions";
import { ActionSection, FormErrors, TextArea } from "./form-parts";
import { useConfirmedStaffAction } from "./use-confirmed-staff-action";

type Props = {
  /** The case's tier, named in the reader's language. */
  tier: string;
  /** The fee after the change, formatted. */
  fee: string;
  /** The surcharge difference that goes back (formatted), or null when nothing was paid. */
  refund: string | null;
};

/**
 * "Accept as standard" (decision 032): what changes is said before the dialog; the dialog asks for
 * the explanation the applicant reads, and confirms.
 */
export function AcceptStandardForm({ tier, fee, refund }: Props) {
  const { t, errorText, errorsFor, dialog } = useConfirmedStaffAction(
    acceptAsStandardAction,
    "workspace.actions.acceptStandard",
  );
  return (
    <ActionSection id="action-accept-standard" heading={t("heading")}>
      <p className="text-sm text-slate-700">{t("intro", { tier, fee })}</p>
      {refund && <p className="text-sm text-slate-700">{t("introRefund", { amount: refund })}</p>}
      <ConfirmDialog {...dialog} openVariant="secondary">
        <FormErrors text={errorText} />
        <TextArea
          id="accept-standard-note"
          name="publicNote"
          required
          rows={3}
          label={t("explanation")}
          hint={t("explanationHint")}
          errors={errorsFor("publicNote")}
        />
      </ConfirmDialog>
    </ActionSection>
  );
}
