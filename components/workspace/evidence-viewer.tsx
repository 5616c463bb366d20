"use client";

import { useLocale, useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import { useState } from "react";
import { useFileSize } from "@/components/evidence/use-file-size";
import type { CaseEvidence } from "@/lib/evidence/data";
import { slotLabelOf, type EvidenceSlot } from "@/lib/evidence/requirements";
import { linkClasses } from "@/components/ui/text-link";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;
const LINK = linkClasses({ extra: "break-all" });

const fileUrl = (id: string) => `/api/evidence/${id}`;

/**
 * The case's files, viewed in place: images inline, PDFs in a frame on request (a frame per PDF
 * would load every document up front), and every file as a download. The evidence route checks
 * authorization again and serves inline only on ?inline=1.
 */
export function EvidenceViewer({ files, slots }: { files: CaseEvidence[]; slots: EvidenceSlot[] }) {
  const t = useTranslations("workspace.evidence");
  const locale = useLocale();
  const format = useFormat();
  const fileSize = useFileSize();
  const [openPdf, setOpenPdf] = useState<string | null>(null);

  if (files.length === 0) return <p className="text-slate-600">{t("empty")}</p>;
  return (
    <ul className="flex flex-col gap-4">
      {files.map((file) => {
        const previewId = `evidence-preview-${file.id}`;
        const isImage = file.mimeType.startsWith("image/");
        const isPdf = file.mimeType === "application/pdf";
        return (
          <li key={file.id} className="rounded-xl border border-slate-200 p-3">
            <p className="break-all font-medium text-slate-900">{file.originalName}</p>
            <p className="text-sm text-slate-600">
              {t("meta", {
                kind: slotLabelOf(file.kind, slots, locale) ?? t(`kinds.${file.kind}`),
                size: fileSize(file.sizeBytes),
                time: format.dateTime(file.createdAt, WHEN),
              })}
            </p>
            {isImage && (
              // eslint-disable-next-line @next/next/no-img-element -- a private, authorized file: next/image would cache it in its optimizer
              <img
                src={`${fileUrl(file.id)}?inline=1`}
                alt={file.originalName}
                loading="lazy"
                className="mt-2 max-h-96 w-auto max-w-full rounded-lg border border-slate-200 bg-slate-50 object-contain"
              />
            )}
            <div className="mt-1 flex flex-wrap gap-x-4">
              {isPdf && (
                <button
                  type="button"
                  aria-expanded={openPdf === file.id}
                  aria-controls={openPdf === file.id ? previewId : undefined}
                  onClick={() => setOpenPdf(openPdf === file.id ? null : file.id)}
                  className={LINK}
                >
                  {openPdf === file.id ? t("hidePreview") : t("showPreview", { name: file.originalName })}
                </button>
              )}
              <a href={fileUrl(file.id)} download={file.originalName} className={LINK}>
                {t("download", { name: file.originalName })}
              </a>
            </div>
            {!isImage && !isPdf && <p className="text-sm text-slate-600">{t("noPreview")}</p>}
            {isPdf && openPdf === file.id && (
              <iframe
                id={previewId}
                src={`${fileUrl(file.id)}?inline=1`}
                title={t("previewTitle", { name: file.originalName })}
                className="mt-2 h-[32rem] w-full rounded-lg border border-slate-200"
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
