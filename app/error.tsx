"use client";

import { useTranslations } from "next-intl";
import { SegmentError } from "@/components/ui/segment-error";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errorPage");
  return (
    <SegmentError error={error} reset={reset} title={t("title")} body={t("body")} retryLabel={t("retry")} />
  );
}
