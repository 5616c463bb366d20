"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { ACCEPT_ATTRIBUTE } from "@/lib/evidence/limits";
import type { UploadedEvidence } from "@/lib/evidence/types";
import { typeLabel, useFileSize } from "./use-file-size";

type Props = {
  file: UploadedEvidence;
  /** Resolves to null when removed, else the i18n key of the failure. */
  onRemove: (file: UploadedEvidence) => Promise<string | null>;
  onReplace: (file: UploadedEvidence, replacement: File) => void;
};

/** One uploaded file: download link, size and type, Replace, and Remove behind an inline confirmation. */
export function EvidenceFileRow({ file, onRemove, onReplace }: Props) {
  const t = useTranslations();
  const fileSize = useFileSize();
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);

  async function confirmRemove() {
    setRemoving(true);
    const problem = await onRemove(file);
    // On success this row unmounts; only a failure needs local state.
    if (problem) {
      setRemoving(false);
      setConfirming(false);
      setError(problem);
    }
  }

  function cancel() {
    setConfirming(false);
    requestAnimationFrame(() => removeButton.current?.focus());
  }

  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-3 py-2">
      <div className="min-w-0 flex-1 basis-48">
        <a
          href={`/api/evidence/${file.id}`}
          className="font-medium break-all text-brand-700 underline underline-offset-2"
        >
          {file.originalName}
        </a>
        <p className="text-xs text-slate-600">
          {typeLabel(file.mimeType)} · {fileSize(file.sizeBytes)}
        </p>
        {error && <p className="mt-1 text-sm text-red-700">{t(error)}</p>}
      </div>
      {confirming ? (
        <div
          role="group"
          aria-label={t("evidence.removeConfirm", { name: file.originalName })}
          className="flex flex-wrap items-center gap-2"
        >
          <span className="text-sm text-slate-800">
            {t("evidence.removeConfirm", { name: file.originalName })}
          </span>
          <Button
            type="button"
            variant="primary"
            onClick={confirmRemove}
            disabled={removing}
            aria-busy={removing}
          >
            {removing ? t("evidence.removing") : t("evidence.removeYes")}
          </Button>
          {/* Focus lands on Cancel, not on the destructive choice. */}
          <Button type="button" variant="ghost" onClick={cancel} disabled={removing} autoFocus>
            {t("evidence.cancel")}
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            variant="secondary"
            aria-label={t("evidence.replaceFile", { name: file.originalName })}
            onClick={() => replaceInput.current?.click()}
          >
            {t("evidence.replace")}
          </Button>
          <input
            ref={replaceInput}
            type="file"
            accept={ACCEPT_ATTRIBUTE}
            className="hidden"
            tabIndex={-1}
            aria-hidden
            onChange={(event) => {
              const replacement = event.currentTarget.files?.[0];
              event.currentTarget.value = "";
              if (replacement) onReplace(file, replacement);
            }}
          />
          <button
            ref={removeButton}
            type="button"
            className={buttonClasses("ghost")}
            aria-label={t("evidence.removeFile", { name: file.originalName })}
            onClick={() => {
              setError(null);
              setConfirming(true);
            }}
          >
            {t("evidence.remove")}
          </button>
        </div>
      )}
    </li>
  );
}
