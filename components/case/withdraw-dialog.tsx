"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { buttonClasses } from "@/components/ui/button";
import { DialogForm } from "@/components/ui/dialog-form";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/action-result";
import { withdrawApplication } from "@/lib/workflow/actions";
import { CONCURRENT_CHANGE_KEY } from "@/lib/workflow/errors";

type Props = { applicationId: string; version: number; displayNumber: string };

/**
 * Withdrawal asks first, in a modal native <dialog> (focus is trapped and returned, Escape closes
 * it), and says plainly that it cannot be undone.
 */
export function WithdrawDialog({ applicationId, version, displayNumber }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState<ActionResult<{ version: number }> | null, FormData>(
    withdrawApplication,
    null,
  );

  useEffect(() => {
    if (!state) return;
    if (state.ok) dialogRef.current?.close();
    else if (state.message === CONCURRENT_CHANGE_KEY) router.refresh();
  }, [state, router]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <>
      <button
        type="button"
        className={buttonClasses("danger-secondary", "w-full sm:w-auto")}
        onClick={() => dialogRef.current?.showModal()}
      >
        {t("case.withdraw.button")}
      </button>
      <DialogForm
        dialogRef={dialogRef}
        id="withdraw"
        title={t("case.withdraw.dialogTitle")}
        body={t("case.withdraw.dialogBody", { number: displayNumber })}
        onSubmit={onSubmit}
        pending={pending}
        cancelLabel={t("case.withdraw.cancel")}
        confirmLabel={t("case.withdraw.confirm")}
        pendingLabel={t("case.withdraw.withdrawing")}
        tone="danger"
      >
        {state && !state.ok && <Notice tone="error">{t(state.message)}</Notice>}
        <input type="hidden" name="applicationId" value={applicationId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <TextAreaField
          id="withdraw-reason"
          name="reason"
          maxLength={2000}
          label={t("case.withdraw.reason")}
        />
      </DialogForm>
    </>
  );
}
