"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonClasses } from "@/components/ui/button";

type SegmentErrorProps = {
  error: Error & { digest?: string };
  reset: () => void;
  /** Already translated, like `retryLabel` and the back link's label. */
  title: string;
  body: string;
  retryLabel: string;
  back?: { href: string; label: string };
};

/** What every error.tsx shows: the message, the error reference for support, retry and (optionally) a way back. */
export function SegmentError({ error, reset, title, body, retryLabel, back }: SegmentErrorProps) {
  const t = useTranslations("errorPage");
  return (
    <div role="alert" className="mx-auto max-w-lg text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-slate-600">{body}</p>
      {error.digest && (
        <p className="mt-2 font-mono text-xs text-slate-500">{t("reference", { id: error.digest })}</p>
      )}
      {back ? (
        <div className="mt-6 flex flex-col justify-center gap-2 sm:flex-row">
          <Button onClick={reset}>{retryLabel}</Button>
          <Link href={back.href} className={buttonClasses("secondary")}>
            {back.label}
          </Link>
        </div>
      ) : (
        <Button className="mt-6" onClick={reset}>
          {retryLabel}
        </Button>
      )}
    </div>
  );
}
