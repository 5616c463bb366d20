"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/text-field";
import { recordPaymentAction, recordRefundAction, waiveFeeAction } from "@/lib/workflow/staff-actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useConfirmedStaffAction } from "./use-confirmed-staff-action";
import { ActionSection, FormErrors, SubmitButton, TextArea } from "./form-parts";
import { useStaffAction } from "./use-staff-action";

/** A payment taken outside the portal; `amount` is the formatted fee. */
export function PaymentForm({ amount }: { amount: string }) {
  const t = useTranslations("workspace.actions.payment");
  const { formRef, onSubmit, pending, errorText, errorsFor } = useStaffAction(recordPaymentAction, {
    doneText: t("done"),
  });
  return (
    <ActionSection id="action-payment" heading={t("heading")}>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">{t("intro", { amount })}</p>
        <FormErrors text={errorText} />
        <TextField
          id="payment-reference"
          name="reference"
          label={t("reference")}
          hint={t("referenceHint")}
          errors={errorsFor("reference")}
          required
          maxLength={100}
          autoComplete="off"
        />
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("pending")} />
      </form>
    </ActionSection>
  );
}

/** Money going back, confirmed first; `max` is the formatted fee paid. */
export function RefundForm({ max }: { max: string }) {
  const { t, errorText, errorsFor, dialog } = useConfirmedStaffAction(
    recordRefundAction,
    "workspace.actions.refund",
    "danger",
  );
  return (
    <ActionSection id="action-refund" heading={t("heading")}>
      <ConfirmDialog {...dialog}>
        <FormErrors text={errorText} />
        <TextField
          id="refund-amount"
          name="amount"
          label={t("amount")}
          hint={t("amountHint", { max })}
          errors={errorsFor("amount")}
          inputMode="decimal"
          required
          autoComplete="off"
        />
        <TextArea
          id="refund-reason"
          name="reason"
          required
          label={t("reason")}
          errors={errorsFor("reason")}
        />
      </ConfirmDialog>
    </ActionSection>
  );
}

/** A supervisor waives the fee, confirmed first; `paid`: the fee was paid and goes back in full. */
export function WaiverForm({ paid }: { paid: boolean }) {
  const { t, errorText, errorsFor, dialog } = useConfirmedStaffAction(
    waiveFeeAction,
    "workspace.actions.waiver",
    "danger",
  );
  return (
    <ActionSection id="action-waiver" heading={t("heading")}>
      <p className="text-sm text-slate-700">{t(paid ? "introPaid" : "introUnpaid")}</p>
      <ConfirmDialog {...dialog}>
        <FormErrors text={errorText} />
        <TextArea
          id="waiver-reason"
          name="reason"
          required
          label={t("reason")}
          errors={errorsFor("reason")}
        />
      </ConfirmDialog>
    </ActionSection>
  );
}
