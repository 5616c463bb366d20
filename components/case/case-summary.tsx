import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { buttonClasses } from "@/components/ui/button";
import { Row } from "@/components/ui/card";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { OwnCase } from "@/lib/cases/data";
import { formatMoney, type MoneyLocale } from "@/lib/catalog/fees";
import { nextDueOf } from "@/lib/cases/next-due";
import { formatLateness } from "@/lib/console/queue-due";
import { NextDueText } from "./next-due-text";
import { ScheduledStart } from "./scheduled-start";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

/** Service, tier, number, dates, fee and payment, with the way to pay while it is unpaid. */
export async function CaseSummary({ view, now = new Date() }: { view: OwnCase; now?: Date }) {
  const [t, tDue, tTiers, tStatus, tQueue, tScheduled, format, locale] = await Promise.all([
    getTranslations("case.summary"),
    getTranslations("case.nextDue"),
    getTranslations("catalog.tiers"),
    getTranslations("case.status"),
    getTranslations("queue"),
    getTranslations("case.scheduled"),
    getFormat(),
    getLocale(),
  ]);
  const money = (minor: number) => formatMoney(minor, view.fee.currency, locale as MoneyLocale);
  const when = (date: Date) => format.dateTime(date, WHEN);
  const closed = ["COMPLETED", "REJECTED", "WITHDRAWN"].includes(view.status);
  const due = nextDueOf(
    {
      ...view,
      openSupplementDueAt: view.openSupplement?.dueAt ?? null,
      targetMinutes: view.nodeTargets[view.currentNode] ?? null,
    },
    now,
  );
  // While waiting for the applicant the clock stands still; the case due time moves on by the wait.
  const pausedSince = view.status === "AWAITING_APPLICANT" ? (view.openSupplement?.createdAt ?? null) : null;
  const pausedMs = pausedSince
    ? view.pausedMinutes * 60_000 + Math.max(0, now.getTime() - pausedSince.getTime())
    : 0;
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
      {view.scheduledStartAt && !closed && (
        <Row term={tScheduled("term")}>
          <ScheduledStart startsAt={view.scheduledStartAt} />
        </Row>
      )}
      {due && (
        <Row term={tDue("term")}>
          <NextDueText due={due} />
        </Row>
      )}
      {view.caseDueAt && !closed && (
        <Row term={t("caseDue")}>
          {when(view.caseDueAt)}
          {pausedSince && (
            <span className="mt-1 block text-sm text-amber-900">
              {t("paused", { time: when(pausedSince), duration: formatLateness(pausedMs, tQueue, "long") })}
            </span>
          )}
        </Row>
      )}
      <Row term={t("fee")}>
        <span className="font-semibold tabular-nums">{money(view.fee.totalMinor)}</span>
        {view.fee.surchargeMinor > 0 && (
          <span className="block text-sm text-slate-600">
            {t("feeBreakdown", {
              base: money(view.fee.baseMinor),
              surcharge: money(view.fee.surchargeMinor),
            })}
          </span>
        )}
      </Row>
      <Row term={t("payment")}>
        <span className={view.paymentStatus === "UNPAID" ? "font-semibold text-amber-800" : undefined}>
          {t(`paymentStatus.${view.paymentStatus}`)}
        </span>
        {view.paidAt && view.paymentStatus === "PAID" && (
          <span className="text-slate-600"> {t("paidAt", { time: when(view.paidAt) })}</span>
        )}
        {view.paymentStatus === "UNPAID" && !closed && (
          <div className="mt-2">
            <Link
              href={`/portal/applications/${view.number}/pay`}
              className={buttonClasses("primary", "w-full sm:w-auto")}
            >
              {t("payNow", { amount: money(view.fee.totalMinor) })}
            </Link>
          </div>
        )}
      </Row>
    </dl>
  );
}
