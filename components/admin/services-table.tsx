import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { listServicesForAdmin } from "@/lib/catalog/admin-data";
import { formatMoney } from "@/lib/catalog/fees";
import { StatusBadge } from "./status-badge";

type ServiceRow = Awaited<ReturnType<typeof listServicesForAdmin>>[number];

export async function ServicesTable({ services }: { services: ServiceRow[] }) {
  const [t, tTiers, locale] = await Promise.all([getTranslations("admin.catalog"), getTranslations("catalog.tiers"), getLocale()]);
  const moneyLocale = locale === "zh" ? "zh" : "en";
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[38rem] text-left text-sm">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">{t("table.name")}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t("table.fee")}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t("table.tiers")}</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">{t("table.evidence")}</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">{t("table.staff")}</th>
            <th scope="col" className="py-2 font-medium">{t("table.status")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {services.map((service) => (
            <tr key={service.id}>
              <th scope="row" className="py-1 pr-3">
                <Link href={`/console/admin/services/${service.id}`} className="flex min-h-11 flex-col justify-center font-semibold text-brand-700 hover:underline">
                  {locale === "zh" ? service.nameZh : service.nameEn}
                  <span className="font-mono text-xs font-normal text-slate-500">{service.code}</span>
                </Link>
              </th>
              <td className="py-1 pr-3 tabular-nums">{formatMoney(service.baseFeeMinor, service.currency, moneyLocale)}</td>
              <td className="py-1 pr-3">{service.tiers.map((row) => tTiers(row.tier)).join(" · ") || "—"}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{service._count.evidence}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{service._count.staff}</td>
              <td className="py-1">
                <StatusBadge active={service.active} label={service.active ? t("active") : t("inactive")} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
