import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { listServicesForAdmin } from "@/lib/catalog/admin-data";
import { formatMoney } from "@/lib/catalog/fees";
import { StatusBadge } from "./status-badge";
import { TextLink } from "@/components/ui/text-link";

type ServiceRow = Awaited<ReturnType<typeof listServicesForAdmin>>[number];

export async function ServicesTable({ services }: { services: ServiceRow[] }) {
  const [t, tTiers, locale] = await Promise.all([
    getTranslations("admin.catalog"),
    getTranslations("catalog.tiers"),
    getLocale(),
  ]);
  const moneyLocale = locale === "zh" ? "zh" : "en";
  return (
    <DataTable
      caption={t("table.caption")}
      className="min-w-[38rem]"
      columns={[
        { label: t("table.name") },
        { label: t("table.fee") },
        { label: t("table.tiers") },
        { label: t("table.evidence"), className: "text-right" },
        { label: t("table.staff"), className: "text-right" },
        { label: t("table.status") },
      ]}
    >
      {services.map((service) => (
        <tr key={service.id}>
          <th scope="row" className="py-1 pr-3">
            <TextLink
              href={`/console/admin/services/${service.id}`}
              size="inherit"
              className="flex flex-col items-stretch justify-center"
            >
              {locale === "zh" ? service.nameZh : service.nameEn}
              <span className="font-mono text-xs font-normal text-slate-500">{service.code}</span>
            </TextLink>
          </th>
          <td className="py-1 pr-3 tabular-nums">
            {formatMoney(service.baseFeeMinor, service.currency, moneyLocale)}
          </td>
          <td className="py-1 pr-3">{service.tiers.map((row) => tTiers(row.tier)).join(" · ") || "—"}</td>
          <td className="py-1 pr-3 text-right tabular-nums">{service._count.evidence}</td>
          <td className="py-1 pr-3 text-right tabular-nums">{service._count.staff}</td>
          <td className="py-1">
            <StatusBadge active={service.active} label={service.active ? t("active") : t("inactive")} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
