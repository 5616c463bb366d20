"use client";

import { useTranslations } from "next-intl";
import { SegmentError } from "@/components/ui/segment-error";

export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("dashboard.errorPage");
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
