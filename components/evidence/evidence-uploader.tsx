"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useId } from "react";
import { ACCEPT_ATTRIBUTE, LIMIT_MESSAGE_VALUES } from "@/lib/evidence/limits";
import { missingRequiredKinds } from "@/lib/evidence/requirements";
import type { EvidenceKind, EvidenceRequirementItem, UploadedEvidence } from "@/lib/evidence/types";
import { EvidenceFileRow } from "./evidence-file-row";
import { UploadQueueRow } from "./upload-queue-row";
import { useEvidenceUploads } from "./use-evidence-uploads";
import { cn } from "@/components/ui/cn";
import { labelled, parenthesized } from "@/lib/i18n/punctuation";

export type EvidenceUploaderState = {
  /** Required kinds that have no uploaded file yet (the form should refuse to submit). */
  missingRequired: EvidenceKind[];
  /** True while files are waiting or uploading (the form should wait). */
  busy: boolean;
};

type Props = {
  requirements: EvidenceRequirementItem[];
  /** Files already stored, e.g. listDraftEvidence() after a reload. */
  initialFiles?: UploadedEvidence[];
  /** Uploads answer this supplement request (attached to it and its case at once). */
  supplementRequestId?: string;
  /** Name of the hidden inputs that carry the uploaded files' ids into the surrounding form. */
  inputName?: string;
  onChange?: (files: UploadedEvidence[], state: EvidenceUploaderState) => void;
};

/**
 * Evidence files for a form: one section per required/optional kind. Files are stored as soon as
 * they are picked; the surrounding form submits only their ids (hidden inputs). The same state is
 * on the root element as data-missing-required (space-separated kinds) and data-busy.
 */
export function EvidenceUploader({
  requirements,
  initialFiles,
  supplementRequestId,
  inputName = "evidenceIds",
  onChange,
}: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const baseId = useId();
  const uploads = useEvidenceUploads({ initialFiles, supplementRequestId });
  const missingRequired = missingRequiredKinds(requirements, uploads.files);
  const busy = uploads.queue.some((item) => item.status !== "failed");
  const missingKey = missingRequired.join(" ");

  const report = useEffectEvent(() => onChange?.(uploads.files, { missingRequired, busy }));
  useEffect(() => {
    report();
  }, [uploads.files, missingKey, busy]);

  const listedKinds = new Set(requirements.map((item) => item.kind));
  const unlisted = uploads.files.filter((file) => !listedKinds.has(file.kind));

  return (
    <div
      className="flex flex-col gap-4"
      data-missing-required={missingKey}
      data-busy={busy ? "true" : "false"}
    >
      {uploads.files.map((file) => (
        <input key={file.id} type="hidden" name={inputName} value={file.id} />
      ))}
      <p aria-live="polite" role="status" className="sr-only">
        {uploads.announcement}
      </p>

      {requirements.map((requirement, index) => {
        const sectionId = `${baseId}-${index}`;
        const files = uploads.files.filter((file) => file.kind === requirement.kind);
        const queued = uploads.queue.filter((item) => item.kind === requirement.kind);
        const missing = missingRequired.includes(requirement.kind);
        const notice =
          uploads.duplicateNotice?.kind === requirement.kind ? uploads.duplicateNotice.text : null;
        return (
          <fieldset
            key={`${requirement.kind}-${index}`}
            className="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4"
          >
            <legend className="px-1 text-sm font-semibold text-slate-900">
              {requirement.label}
              {locale === "zh" ? "" : " "}
              <span
                className={cn(
                  "text-xs font-normal",
                  requirement.required ? "text-red-700" : "text-slate-500",
                )}
              >
                {parenthesized(
                  requirement.required ? t("evidence.required") : t("evidence.optional"),
                  locale,
                )}
              </span>
            </legend>

            {files.length > 0 ? (
              <ul
                className="flex flex-col gap-2"
                aria-label={labelled(requirement.label, t("evidence.uploadedFiles"), locale)}
              >
                {files.map((file) => (
                  <EvidenceFileRow
                    key={file.id}
                    file={file}
                    onRemove={async (removed) => {
                      const problem = await uploads.remove(removed);
                      // The row is gone; keep keyboard users in this section.
                      if (!problem) document.getElementById(`${sectionId}-input`)?.focus();
                      return problem;
                    }}
                    onReplace={uploads.replace}
                  />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("evidence.noFiles")}</p>
            )}

            {queued.length > 0 && (
              <ul className="flex flex-col gap-2">
                {queued.map((item) => (
                  <UploadQueueRow
                    key={item.key}
                    item={item}
                    progress={uploads.progress}
                    message={uploads.message}
                    onRetry={uploads.retry}
                    onDismiss={uploads.dismiss}
                  />
                ))}
              </ul>
            )}

            {notice && <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900">{notice}</p>}

            <div className="flex flex-col gap-1">
              <label htmlFor={`${sectionId}-input`} className="text-sm font-medium text-slate-800">
                {t("evidence.addFiles", { label: requirement.label })}
              </label>
              {/* No name: the files travel through the upload action, never with the form itself. */}
              <input
                id={`${sectionId}-input`}
                type="file"
                multiple
                accept={ACCEPT_ATTRIBUTE}
                aria-describedby={`${sectionId}-hint${missing ? ` ${sectionId}-missing` : ""}`}
                aria-invalid={missing || undefined}
                className="block w-full min-w-0 text-sm text-slate-700 file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-semibold file:text-slate-800 hover:file:bg-slate-100"
                onChange={(event) => {
                  const picked = Array.from(event.currentTarget.files ?? []);
                  // Cleared so that picking the same file again (after a failure) fires again.
                  event.currentTarget.value = "";
                  if (picked.length > 0) uploads.add(requirement.kind, picked);
                }}
              />
              <p id={`${sectionId}-hint`} className="text-xs text-slate-600">
                {t("evidence.hint", LIMIT_MESSAGE_VALUES)}
              </p>
              {missing && (
                <p id={`${sectionId}-missing`} className="text-sm text-amber-800">
                  {t("evidence.missing")}
                </p>
              )}
            </div>
          </fieldset>
        );
      })}

      {unlisted.length > 0 && (
        <ul className="flex flex-col gap-2" aria-label={t("evidence.uploadedFiles")}>
          {unlisted.map((file) => (
            <EvidenceFileRow
              key={file.id}
              file={file}
              onRemove={uploads.remove}
              onReplace={uploads.replace}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
