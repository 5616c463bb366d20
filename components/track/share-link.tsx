"use client";

import { useFormatter, useTranslations } from "next-intl";
import { startTransition, useActionState, useId, useRef, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/action-result";
import { createShareLink } from "@/lib/lookup/actions";

type ShareLinkResult = ActionResult<{ path: string; expiresAt: Date }>;

/**
 * "Share progress link" on the applicant's case page: makes a fresh signed link (valid 72 h) each
 * time the dialog opens, so family can follow the case without the applicant's ID number.
 */
export function ShareLink({ number }: { number: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, formAction, pending] = useActionState<ShareLinkResult | null, FormData>(
    createShareLink,
    null,
  );
  const [copyStatus, setCopyStatus] = useState<"idle" | "copied" | "failed">("idle");
  const url = state?.ok ? new URL(state.data.path, window.location.origin).toString() : null;

  function open() {
    setCopyStatus("idle");
    dialogRef.current?.showModal();
    const formData = new FormData();
    formData.set("number", number);
    startTransition(() => formAction(formData));
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus("copied");
    } catch {
      // No clipboard (plain http, an old browser): select the link so it can be copied by hand.
      inputRef.current?.select();
      setCopyStatus("failed");
    }
  }

  return (
    <>
      <button type="button" className={buttonClasses("secondary", "w-full sm:w-auto")} onClick={open}>
        {t("track.share.button")}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="flex flex-col gap-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {t("track.share.dialogTitle")}
          </h2>
          <p id={`${id}-body`} className="text-slate-700">
            {t("track.share.dialogBody")}
          </p>
          <div aria-live="polite" className="flex flex-col gap-2">
            {pending && <p className="text-sm text-slate-600">{t("track.share.creating")}</p>}
            {!pending && state && !state.ok && <Notice tone="error">{t(state.message)}</Notice>}
            {!pending && state?.ok && url && (
              <>
                <label htmlFor={`${id}-url`} className="text-sm font-medium text-slate-800">
                  {t("track.share.linkLabel")}
                </label>
                <input
                  ref={inputRef}
                  id={`${id}-url`}
                  readOnly
                  value={url}
                  onFocus={(event) => event.currentTarget.select()}
                  className="min-h-11 w-full rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
                />
                <p className="text-sm text-slate-600">
                  {t("track.share.expires", {
                    time: format.dateTime(state.data.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
                  })}
                </p>
              </>
            )}
            <p className="min-h-5 text-sm text-slate-600">
              {copyStatus === "copied"
                ? t("track.share.copied")
                : copyStatus === "failed"
                  ? t("track.share.copyFailed")
                  : ""}
            </p>
          </div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" onClick={() => dialogRef.current?.close()}>
              {t("track.share.close")}
            </Button>
            <Button type="button" disabled={!url || pending} onClick={copy}>
              {t("track.share.copy")}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
