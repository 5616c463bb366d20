"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import { startTransition, useId, useRef, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog, DialogButtons } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { createShareLink } from "@/lib/lookup/actions";

/**
 * "Share progress link" on the applicant's case page: makes a fresh signed link (valid 72 h) each
 * time the dialog opens, so family can follow the case without the applicant's ID number.
 */
export function ShareLink({ number }: { number: string }) {
  const t = useTranslations();
  const format = useFormat();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const { state, pending, formAction, failure } = useActionForm(createShareLink);
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
      <Dialog
        dialogRef={dialogRef}
        id={id}
        width="lg"
        title={t("track.share.dialogTitle")}
        body={t("track.share.dialogBody")}
      >
        <div aria-live="polite" className="flex flex-col gap-2">
          {pending && <p className="text-sm text-slate-600">{t("track.share.creating")}</p>}
          {!pending && failure && <Notice tone="error">{failure}</Notice>}
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
        <DialogButtons>
          <Button type="button" variant="secondary" onClick={() => dialogRef.current?.close()}>
            {t("track.share.close")}
          </Button>
          <Button type="button" disabled={!url || pending} onClick={copy}>
            {t("track.share.copy")}
          </Button>
        </DialogButtons>
      </Dialog>
    </>
  );
}
