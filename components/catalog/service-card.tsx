import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import type { CatalogService } from "@/lib/catalog/data";
import { cn } from "@/components/ui/cn";

const TIER_STYLES = {
  STANDARD: "bg-slate-100 text-slate-700",
  URGENT: "bg-amber-100 text-amber-900",
  EXPRESS: "bg-red-100 text-red-800",
} as const;

function formatHours(hours: number, t: (key: string, values: { count: number }) => string) {
  return hours >= 48 && hours % 24 === 0 ? t("days", { count: hours / 24 }) : t("hours", { count: hours });
}

export async function ServiceCard({
  service,
  headingLevel = "h3",
}: {
  service: CatalogService;
  headingLevel?: "h2" | "h3";
}) {
  const locale = await getLocale();
  const t = await getTranslations("catalog");
  const format = await getFormat();
  const Heading = headingLevel;
  const name = locale === "zh" ? service.nameZh : service.nameEn;
  const money = (minor: number) => format.money(minor, service.currency);
  const urgentOffered = service.tiers.some((tier) => tier.tier !== "STANDARD");
  return (
    <article
      className="flex flex-col rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
      aria-labelledby={`service-${service.code}`}
    >
      <Heading id={`service-${service.code}`} className="text-lg font-semibold text-slate-900">
        {name}
      </Heading>
      <p className="mt-1 text-sm text-slate-600">
        {locale === "zh" ? service.descriptionZh : service.descriptionEn}
      </p>
      <table className="mt-4 w-full text-sm">
        <caption className="sr-only">{t("tiersCaption", { service: name })}</caption>
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-1 font-medium">
              {t("tier")}
            </th>
            <th scope="col" className="py-1 font-medium">
              {t("processingTime")}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {t("fee")}
            </th>
          </tr>
        </thead>
        <tbody>
          {service.tiers.map((tier) => (
            <tr key={tier.tier} className="border-t border-slate-100">
              <th scope="row" className="py-2 text-left font-normal">
                <span
                  className={cn("rounded-full px-2 py-0.5 text-xs font-semibold", TIER_STYLES[tier.tier])}
                >
                  {t(`tiers.${tier.tier}`)}
                </span>
              </th>
              <td className="py-2">{formatHours(tier.processingHours, t)}</td>
              <td className="py-2 text-right tabular-nums">
                {money(service.baseFeeMinor + tier.surchargeMinor)}
                {tier.surchargeMinor > 0 && (
                  <span className="block text-xs text-slate-500">
                    {t("surchargeBreakdown", {
                      base: money(service.baseFeeMinor),
                      surcharge: money(tier.surchargeMinor),
                    })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!urgentOffered && <p className="mt-2 text-sm text-slate-600">{t("noUrgentTier")}</p>}
      {service.evidence.length > 0 && (
        <div className="mt-4 text-sm">
          <p className="font-medium text-slate-800">{t("evidenceNeeded")}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-600">
            {service.evidence.map((item) => (
              <li key={item.id}>
                {locale === "zh" ? item.labelZh : item.labelEn}
                {!item.required && <span className="text-slate-500"> {t("optional")}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
