"use client";

import { useTranslations } from "next-intl";
import { SegmentError } from "@/components/ui/segment-error";

/** The rota and handover segments' error boundary: retry, or back to the console. */
export function RotaError({
  error,
  reset,
  backHref = "/console",
}: {
  error: Error & { digest?: string };
  reset: () => void;
  backHref?: string;
}) {
  const t = useTranslations("rota.errorPage");
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
