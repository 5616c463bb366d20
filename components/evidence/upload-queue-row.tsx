"use client";

import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { QueueItem } from "./use-evidence-uploads";
import { useFileSize } from "./use-file-size";
import { labelled } from "@/lib/i18n/punctuation";

type Props = {
  item: QueueItem;
  progress: { current: number; total: number } | null;
  message: (key: string) => string;
  onRetry: (key: string) => void;
  onDismiss: (key: string) => void;
};

/** A file on its way: waiting, uploading (indeterminate bar: Server Actions report no bytes sent), or failed. */
export function UploadQueueRow({ item, progress, message, onRetry, onDismiss }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const fileSize = useFileSize();
  const progressText = progress ? t("evidence.progress", progress) : t("evidence.uploading");

  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-dashed border-slate-300 bg-slate-50 px-3 py-2">
      <div className="min-w-0 flex-1 basis-48">
        <p className="font-medium break-all text-slate-900">{item.file.name}</p>
        <p className="text-xs text-slate-600">{fileSize(item.file.size)}</p>
        {item.status === "queued" && <p className="text-sm text-slate-700">{t("evidence.queued")}</p>}
        {item.status === "uploading" && (
          <div className="mt-1 flex flex-col gap-1">
            <p className="text-sm text-slate-700">{progressText}</p>
            <div
              role="progressbar"
              aria-label={item.file.name}
              aria-valuetext={progressText}
              className="h-1.5 w-full overflow-hidden rounded-full bg-slate-200"
            >
              <div className="h-full w-full rounded-full bg-brand-600 motion-safe:animate-pulse" />
            </div>
          </div>
        )}
        {item.status === "failed" && (
          <p className="text-sm text-red-700">
            {labelled(t("evidence.failed"), message(item.error ?? "evidence.uploadFailed"), locale)}
          </p>
        )}
      </div>
      {item.status === "failed" && (
        <div className="flex flex-wrap gap-2">
          {item.retryable && (
            <Button type="button" variant="secondary" onClick={() => onRetry(item.key)}>
              {t("evidence.retry")}
            </Button>
          )}
          <Button type="button" variant="ghost" onClick={() => onDismiss(item.key)}>
            {t("evidence.dismiss")}
          </Button>
        </div>
      )}
    </li>
  );
}
