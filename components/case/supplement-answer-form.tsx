"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useRef, useState, type FormEvent } from "react";
import { EvidenceUploader } from "@/components/evidence/evidence-uploader";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { TextAreaField } from "@/components/ui/text-field";
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
  const { pending, formAction, failure, errorsFor } = useActionForm(provideSupplement, {
    // Someone else moved the case meanwhile: show them the fresh state (the message says so).
    onFailure: (refusal) => {
      if (refusal.message === CONCURRENT_CHANGE_KEY) router.refresh();
    },
  });
  const [fileCount, setFileCount] = useState(initialFiles.length);
  const [uploading, setUploading] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

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

  const error = localError ? t(localError) : failure;
  const noteErrors = errorsFor("note");
  return (
    <form onSubmit={onSubmit} noValidate className="mt-5 flex flex-col gap-4 border-t border-amber-200 pt-4">
      <h3 className="font-semibold text-slate-900">{t("case.supplement.answerHeading")}</h3>
      {error && <Notice tone="error">{error}</Notice>}
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <TextAreaField
        ref={noteRef}
        id="supplement-note"
        name="note"
        rows={4}
        maxLength={2000}
        label={t("case.supplement.note")}
        hint={t("case.supplement.noteHint")}
        errors={noteErrors}
      />
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
      <SubmitButton
        pending={pending}
        label={t("case.supplement.submit")}
        pendingLabel={t("case.supplement.submitting")}
        className="w-full sm:w-auto sm:self-start"
      />
    </form>
  );
}
