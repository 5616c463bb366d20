"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRequestId } from "@/components/ui/request-id";
import { Button, buttonClasses } from "@/components/ui/button";

/** What Next hands every error.tsx. */
export type ErrorBoundaryProps = { error: Error & { digest?: string }; reset: () => void };

type SegmentErrorProps = ErrorBoundaryProps & {
  /** The messages' namespace, with `title`, `body`, `retry` and (with `backHref`) `back`, e.g. admin.errorPage. */
  messages: string;
  /** A way back out of the broken segment. */
  backHref?: string;
};

/** What every error.tsx shows: the message, the error reference for support, retry and (optionally) a way back. */
export function SegmentError({ error, reset, messages, backHref }: SegmentErrorProps) {
  const tPage = useTranslations("errorPage");
  const t = useTranslations(messages);
  const requestId = useRequestId();
  return (
    <div role="alert" className="mx-auto max-w-lg text-center">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      {error.digest && (
        <p className="mt-2 font-mono text-xs text-slate-500">{tPage("reference", { id: error.digest })}</p>
      )}
      {requestId && requestId !== error.digest && (
        <p className="font-mono text-xs text-slate-500">{tPage("request", { id: requestId })}</p>
      )}
      {backHref ? (
        <div className="mt-6 flex flex-col justify-center gap-2 sm:flex-row">
          <Button onClick={reset}>{t("retry")}</Button>
          <Link href={backHref} className={buttonClasses("secondary")}>
            {t("back")}
          </Link>
        </div>
      ) : (
        <Button className="mt-6" onClick={reset}>
          {t("retry")}
        </Button>
      )}
    </div>
  );
}
