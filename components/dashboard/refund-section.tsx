import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney, type MoneyLocale } from "@/lib/catalog/fees";
import type { RefundsByCause } from "@/lib/dashboard/data";

const PANEL = "flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5";

/** Money that went back (or is on its way) for the cases in scope, by cause. */
export async function RefundsSection({ rows }: { rows: RefundsByCause[] }) {
  const [t, locale] = await Promise.all([getTranslations("dashboard.refunds"), getLocale()]);
  const money = (row: RefundsByCause) => formatMoney(row.amountMinor, row.currency, locale as MoneyLocale);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <section aria-labelledby="refunds-heading" className={PANEL}>
      <h2 id="refunds-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-700">{total ? t("summary", { count: total }) : t("summaryNone")}</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm tabular-nums">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("cause")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                {t("count")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                {t("amount")}
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                {t("pending")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.cause}-${row.currency}`} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {t(`causes.${row.cause}`)}
                </th>
                <td className="py-2 pr-3 text-right">{row.count}</td>
                <td className="py-2 pr-3 text-right">{money(row)}</td>
                <td className="py-2 text-right">{row.pending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
