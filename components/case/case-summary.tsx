import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { OwnCase } from "@/lib/cases/data";
import { formatMoney, type MoneyLocale } from "@/lib/catalog/fees";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-2 sm:grid sm:grid-cols-[10rem_1fr] sm:gap-3">
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** Service, tier, number, dates, fee and payment, with the way to pay while it is unpaid. */
export async function CaseSummary({ view }: { view: OwnCase }) {
  const [t, tTiers, tStatus, format, locale] = await Promise.all([
    getTranslations("case.summary"),
    getTranslations("catalog.tiers"),
    getTranslations("case.status"),
    getFormatter(),
    getLocale(),
  ]);
  const money = (minor: number) => formatMoney(minor, view.fee.currency, locale as MoneyLocale);
  const when = (date: Date) => format.dateTime(date, WHEN);
  const closed = ["COMPLETED", "REJECTED", "WITHDRAWN"].includes(view.status);
  return (
    <dl className="divide-y divide-slate-100">
      <Row term={t("number")}>
        <span className="font-mono">{formatApplicationNumber(view.number)}</span>
      </Row>
      <Row term={t("service")}>{locale === "zh" ? view.service.nameZh : view.service.nameEn}</Row>
      <Row term={t("tier")}>{tTiers(view.tier)}</Row>
      <Row term={t("status")}>{tStatus(view.status)}</Row>
      <Row term={t("submitted")}>{when(view.submittedAt)}</Row>
      <Row term={t("neededBy")}>{format.dateTime(view.neededBy, { dateStyle: "medium" })}</Row>
      {view.caseDueAt && !closed && <Row term={t("caseDue")}>{when(view.caseDueAt)}</Row>}
      <Row term={t("fee")}>
        <span className="font-semibold tabular-nums">{money(view.fee.totalMinor)}</span>
        {view.fee.surchargeMinor > 0 && (
          <span className="block text-sm text-slate-600">{t("feeBreakdown", { base: money(view.fee.baseMinor), surcharge: money(view.fee.surchargeMinor) })}</span>
        )}
      </Row>
      <Row term={t("payment")}>
        <span className={view.paymentStatus === "UNPAID" ? "font-semibold text-amber-800" : undefined}>{t(`paymentStatus.${view.paymentStatus}`)}</span>
        {view.paidAt && view.paymentStatus === "PAID" && <span className="text-slate-600"> {t("paidAt", { time: when(view.paidAt) })}</span>}
        {view.paymentStatus === "UNPAID" && !closed && (
          <div className="mt-2">
            <Link href={`/portal/applications/${view.number}/pay`} className={buttonClasses("primary", "w-full sm:w-auto")}>
              {t("payNow", { amount: money(view.fee.totalMinor) })}
            </Link>
          </div>
        )}
      </Row>
    </dl>
  );
}
