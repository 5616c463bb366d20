import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney, type MoneyLocale } from "@/lib/catalog/fees";
import type { RefundCause, RefundStatus } from "@/lib/generated/prisma/enums";
import { getFormat } from "@/lib/i18n/server-format";
import { REFUND_WORKING_DAYS } from "@/lib/payments/refund-policy";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

export type RefundItem = {
  id: string;
  cause: RefundCause;
  amountMinor: number;
  status: RefundStatus;
  completedAt: Date | null;
  reference: string | null;
};

/** The case's refunds, each with why, how much, and whether it has gone back (with its reference). */
export async function RefundList({
  refunds,
  currency,
}: {
  refunds: readonly RefundItem[];
  currency: string;
}) {
  const [t, format, locale] = await Promise.all([
    getTranslations("case.fee.refunds"),
    getFormat(),
    getLocale(),
  ]);
  const money = (minor: number) => formatMoney(minor, currency, locale as MoneyLocale);
  return (
    <section aria-labelledby="refunds-heading">
      <h3 id="refunds-heading" className="font-semibold">
        {t("heading")}
      </h3>
      <ul className="mt-2 flex flex-col gap-3">
        {refunds.map((refund) => (
          <li key={refund.id} className="rounded-lg bg-slate-50 p-3">
            <p className="font-semibold">
              {t(`cause.${refund.cause}`, { amount: money(refund.amountMinor) })}
            </p>
            <p className="mt-1 text-slate-700">
              {refund.status === "DONE" && refund.completedAt
                ? t("done", {
                    time: format.dateTime(refund.completedAt, WHEN),
                    reference: refund.reference ?? "—",
                  })
                : t("pending", { days: REFUND_WORKING_DAYS })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
