"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { EvidenceUploader } from "@/components/evidence/evidence-uploader";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/action-result";
import type { UploadedEvidence } from "@/lib/evidence/types";
import { provideSupplement } from "@/lib/workflow/actions";
import { CONCURRENT_CHANGE_KEY } from "@/lib/workflow/errors";

type Props = {
  applicationId: string;
  version: number;
  supplementRequestId: string;
  initialFiles: UploadedEvidence[];
};

/** A note and/or files (stored with the request as they are picked), then one submit. */
export function SupplementAnswerForm({ applicationId, version, supplementRequestId, initialFiles }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [state, formAction, pending] = useActionState<ActionResult<{ version: number }> | null, FormData>(
    provideSupplement,
    null,
  );
  const [fileCount, setFileCount] = useState(initialFiles.length);
  const [uploading, setUploading] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    // Someone else moved the case meanwhile: show them the fresh state (the message says so).
    if (state && !state.ok && state.message === CONCURRENT_CHANGE_KEY) router.refresh();
  }, [state, router]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    if (uploading) {
      setLocalError("case.supplement.waitForUploads");
      return;
    }
    if (!String(formData.get("note") ?? "").trim() && fileCount === 0) {
      setLocalError("case.supplement.needNoteOrFile");
      noteRef.current?.focus();
      return;
    }
    setLocalError(null);
    startTransition(() => formAction(formData));
  }

  const error = localError ?? (state && !state.ok ? state.message : null);
  const noteErrors = state && !state.ok ? state.fieldErrors?.note : undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-5 flex flex-col gap-4 border-t border-amber-200 pt-4">
      <h3 className="font-semibold text-slate-900">{t("case.supplement.answerHeading")}</h3>
      {error && <Notice tone="error">{t(error)}</Notice>}
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <div className="flex flex-col gap-1">
        <label htmlFor="supplement-note" className="text-sm font-medium text-slate-800">
          {t("case.supplement.note")}
        </label>
        <textarea
          ref={noteRef}
          id="supplement-note"
          name="note"
          rows={4}
          maxLength={2000}
          aria-describedby={`supplement-note-hint${noteErrors ? " supplement-note-error" : ""}`}
          aria-invalid={noteErrors ? true : undefined}
          className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm"
        />
        <p id="supplement-note-hint" className="text-xs text-slate-600">
          {t("case.supplement.noteHint")}
        </p>
        {noteErrors && (
          <p id="supplement-note-error" className="text-sm text-red-700">
            {noteErrors.map((key) => t(key)).join(" ")}
          </p>
        )}
      </div>
      <EvidenceUploader
        requirements={[{ kind: "SUPPLEMENT", label: t("case.supplement.filesLabel"), required: false }]}
        initialFiles={initialFiles}
        supplementRequestId={supplementRequestId}
        inputName="supplementFileIds"
        onChange={(files, uploaderState) => {
          setFileCount(files.length);
          setUploading(uploaderState.busy);
        }}
      />
      <Button type="submit" disabled={pending} aria-busy={pending} className="w-full sm:w-auto sm:self-start">
        {pending ? t("case.supplement.submitting") : t("case.supplement.submit")}
      </Button>
    </form>
  );
}
