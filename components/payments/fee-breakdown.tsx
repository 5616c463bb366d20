import { useLocale, useTranslations } from "next-intl";
import { formatMoney, quoteFee } from "@/lib/catalog/fees";

/**
 * Standard fee + urgent surcharge = total, as a small table. Works in server and client trees
 * (no hooks beyond next-intl's). The amounts are display only: the server charges its own numbers.
 */
export function FeeBreakdown({
  baseMinor,
  surchargeMinor,
  currency,
  caption,
}: {
  baseMinor: number;
  surchargeMinor: number;
  currency: string;
  caption: string;
}) {
  const t = useTranslations("payment");
  const locale = useLocale() === "zh" ? "zh" : "en";
  const fee = quoteFee({ baseFeeMinor: baseMinor, surchargeMinor });
  const money = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <table className="w-full text-sm">
      <caption className="mb-2 text-left text-base font-semibold text-slate-900">{caption}</caption>
      <tbody>
        <tr>
          <th scope="row" className="py-1 text-left font-normal text-slate-700">
            {t("standardFee")}
          </th>
          <td className="py-1 text-right tabular-nums">{money(fee.baseMinor)}</td>
        </tr>
        <tr>
          <th scope="row" className="py-1 text-left font-normal text-slate-700">
            {t("urgentSurcharge")}
          </th>
          <td className="py-1 text-right tabular-nums">{money(fee.surchargeMinor)}</td>
        </tr>
        <tr className="border-t border-slate-200 font-semibold">
          <th scope="row" className="pt-2 text-left">
            {t("total")}
          </th>
          <td className="pt-2 text-right tabular-nums">{money(fee.totalMinor)}</td>
        </tr>
      </tbody>
    </table>
  );
}
