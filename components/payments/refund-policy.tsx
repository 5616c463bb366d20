import { useLocale, useTranslations } from "next-intl";
import { formatMoney, quoteFee } from "@/lib/catalog/fees";
import { REFUND_WORKING_DAYS, refundRules } from "@/lib/payments/refund-policy";

/** The refund rules for this fee, in plain words; shown before the applicant commits to paying. */
export function RefundPolicy({
  baseMinor,
  surchargeMinor,
  currency,
  headingLevel = "h2",
}: {
  baseMinor: number;
  surchargeMinor: number;
  currency: string;
  headingLevel?: "h2" | "h3";
}) {
  const t = useTranslations("payment");
  const locale = useLocale() === "zh" ? "zh" : "en";
  const Heading = headingLevel;
  const rules = refundRules(quoteFee({ baseFeeMinor: baseMinor, surchargeMinor }));
  return (
    <section
      aria-labelledby="refund-policy"
      className="rounded-xl border border-slate-200 bg-white p-4 text-sm"
    >
      <Heading id="refund-policy" className="text-base font-semibold text-slate-900">
        {t("refund.title")}
      </Heading>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
        {rules.map((rule) => (
          <li key={rule.id}>
            {t(`refund.${rule.id}`, { amount: formatMoney(rule.amountMinor, currency, locale) })}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-slate-600">{t("refund.how", { days: REFUND_WORKING_DAYS })}</p>
    </section>
  );
}
