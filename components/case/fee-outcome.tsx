import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { formatMoney, type MoneyLocale } from "@/lib/catalog/fees";
import { REFUND_WORKING_DAYS, type FeeOutcome } from "@/lib/payments/refund-policy";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

/** What happens to the fee of a rejected or withdrawn case, in the words of the refund rules. */
export async function FeeOutcomeText({
  outcome,
  totalMinor,
  currency,
}: {
  outcome: FeeOutcome;
  totalMinor: number;
  currency: string;
}) {
  const [t, format, locale] = await Promise.all([getTranslations("case.fee"), getFormat(), getLocale()]);
  const money = (minor: number) => formatMoney(minor, currency, locale as MoneyLocale);
  const when = (date: Date) => format.dateTime(date, WHEN);
  switch (outcome.kind) {
    case "notPaid":
    case "waived":
      return <p>{t(outcome.kind)}</p>;
    case "refunded":
      return (
        <p>
          {outcome.at
            ? t("refunded", { amount: money(outcome.amountMinor), time: when(outcome.at) })
            : t("refundedNoDate", { amount: money(outcome.amountMinor) })}
        </p>
      );
    case "kept":
      return <p>{t("kept", { amount: money(totalMinor) })}</p>;
    case "refundDue":
      return (
        <>
          <p className="font-semibold">{t(`due.${outcome.rule}`, { amount: money(outcome.amountMinor) })}</p>
          {outcome.closedAt && (
            <p className="mt-1 text-slate-700">
              {t("when", { time: when(outcome.closedAt), days: REFUND_WORKING_DAYS })}
            </p>
          )}
        </>
      );
  }
}
