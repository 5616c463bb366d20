"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ConfirmActionDialog } from "@/components/ui/confirm-dialog";
import { TextAreaField } from "@/components/ui/text-field";
import { withdrawApplication } from "@/lib/workflow/actions";
import { CONCURRENT_CHANGE_KEY } from "@/lib/workflow/errors";

type Props = { applicationId: string; version: number; displayNumber: string };

/** Withdrawal asks first and says plainly that it cannot be undone. */
export function WithdrawDialog({ applicationId, version, displayNumber }: Props) {
  const t = useTranslations("case.withdraw");
  const router = useRouter();
  return (
    <ConfirmActionDialog
      id="withdraw"
      tone="danger"
      action={withdrawApplication}
      fields={{ applicationId, expectedVersion: String(version) }}
      labels={{
        open: t("button"),
        title: t("dialogTitle"),
        body: t("dialogBody", { number: displayNumber }),
        confirm: t("confirm"),
        pending: t("withdrawing"),
        cancel: t("cancel"),
      }}
      // Someone else moved the case meanwhile: show the fresh state (the message says so).
      onFailure={(failure) => failure.message === CONCURRENT_CHANGE_KEY && router.refresh()}
    >
      <TextAreaField id="withdraw-reason" name="reason" maxLength={2000} label={t("reason")} />
    </ConfirmActionDialog>
  );
}
