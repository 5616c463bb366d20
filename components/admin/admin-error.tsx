"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonClasses } from "@/components/ui/button";

/** The admin segments' error boundary: retry, or back to the section's start. */
export function AdminError({ error, reset, backHref = "/console/admin/staff" }: { error: Error & { digest?: string }; reset: () => void; backHref?: string }) {
  const t = useTranslations("admin.errorPage");
  const tErrors = useTranslations("errorPage");
  return (
    <div role="alert" className="mx-auto max-w-lg text-center">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      {error.digest && <p className="mt-2 font-mono text-xs text-slate-500">{tErrors("reference", { id: error.digest })}</p>}
      <div className="mt-6 flex flex-col justify-center gap-2 sm:flex-row">
        <Button onClick={reset}>{t("retry")}</Button>
        <Link href={backHref} className={buttonClasses("secondary")}>
          {t("back")}
        </Link>
      </div>
    </div>
  );
}
