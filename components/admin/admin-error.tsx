"use client";

import { useTranslations } from "next-intl";
import { SegmentError } from "@/components/ui/segment-error";

/** The admin segments' error boundary: retry, or back to the section's start. */
export function AdminError({
  error,
  reset,
  backHref = "/console/admin/staff",
}: {
  error: Error & { digest?: string };
  reset: () => void;
  backHref?: string;
}) {
  const t = useTranslations("admin.errorPage");
  return (
    <SegmentError
      error={error}
      reset={reset}
      title={t("title")}
      body={t("body")}
      retryLabel={t("retry")}
      back={{ href: backHref, label: t("back") }}
    />
  );
}
