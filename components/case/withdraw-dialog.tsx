"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/action-result";
import { withdrawApplication } from "@/lib/workflow/actions";
import { CONCURRENT_CHANGE_KEY } from "@/lib/workflow/errors";

// Own classes, not Button's variants: mixing two background utilities on one element is a coin toss.
const BASE = "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed";
const OPEN_CLASSES = `${BASE} w-full border border-red-300 bg-white text-red-800 hover:bg-red-50 sm:w-auto`;
const CONFIRM_CLASSES = `${BASE} bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400`;

type Props = { applicationId: string; version: number; displayNumber: string };

/**
 * Withdrawal asks first, in a modal native <dialog> (focus is trapped and returned, Escape closes
 * it), and says plainly that it cannot be undone.
 */
export function WithdrawDialog({ applicationId, version, displayNumber }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState<ActionResult<{ version: number }> | null, FormData>(withdrawApplication, null);

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
      <button type="button" className={OPEN_CLASSES} onClick={() => dialogRef.current?.showModal()}>
        {t("case.withdraw.button")}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby="withdraw-title"
        aria-describedby="withdraw-body"
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <form onSubmit={onSubmit} className="flex flex-col gap-4 p-5">
          <h2 id="withdraw-title" className="text-lg font-semibold">
            {t("case.withdraw.dialogTitle")}
          </h2>
          <p id="withdraw-body" className="text-slate-700">
            {t("case.withdraw.dialogBody", { number: displayNumber })}
          </p>
          {state && !state.ok && <Notice tone="error">{t(state.message)}</Notice>}
          <input type="hidden" name="applicationId" value={applicationId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <div className="flex flex-col gap-1">
            <label htmlFor="withdraw-reason" className="text-sm font-medium text-slate-800">
              {t("case.withdraw.reason")}
            </label>
            <textarea id="withdraw-reason" name="reason" rows={3} maxLength={2000} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm" />
          </div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            {/* First in the DOM order on purpose: the safe choice gets focus when the dialog opens. */}
            <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
              {t("case.withdraw.cancel")}
            </Button>
            <button type="submit" disabled={pending} aria-busy={pending} className={CONFIRM_CLASSES}>
              {pending ? t("case.withdraw.withdrawing") : t("case.withdraw.confirm")}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
