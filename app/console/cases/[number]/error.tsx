"use client";

import { useTranslations } from "next-intl";
import { SegmentError } from "@/components/ui/segment-error";

export default function StaffCaseError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("workspace.errorPage");
  return (
    <SegmentError
      error={error}
      reset={reset}
      title={t("title")}
      body={t("body")}
      retryLabel={t("retry")}
      back={{ href: "/console", label: t("back") }}
    />
  );
}
