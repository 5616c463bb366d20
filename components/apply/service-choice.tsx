import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ServiceCard } from "@/components/catalog/service-card";
import { buttonClasses } from "@/components/ui/button";
import type { CatalogService } from "@/lib/catalog/data";
import { URGENCY_TIERS } from "@/lib/catalog/tiers";

/** A catalog card (tiers with time and fee breakdown, evidence) plus what is not offered and the way in. */
export async function ServiceChoice({ service }: { service: CatalogService }) {
  const [t, tCatalog, locale] = await Promise.all([
    getTranslations("apply"),
    getTranslations("catalog"),
    getLocale(),
  ]);
  const name = locale === "zh" ? service.nameZh : service.nameEn;
  const offered = new Set(service.tiers.map((tier) => tier.tier));
  const urgentOffered = service.tiers.some((tier) => tier.tier !== "STANDARD");
  // The card already says when nothing faster than standard exists; otherwise name the missing tiers.
  const missing = urgentOffered ? URGENCY_TIERS.filter((tier) => !offered.has(tier)) : [];
  return (
    <div className="flex h-full flex-col gap-3">
      <div className="flex-1 [&>article]:h-full">
        <ServiceCard service={service} headingLevel="h2" />
      </div>
      {missing.map((tier) => (
        <p key={tier} className="text-sm text-slate-600">
          {t("tierNotOffered", { tier: tCatalog(`tiers.${tier}`) })}
        </p>
      ))}
      {service.tiers.length > 0 ? (
        <Link
          href={`/portal/apply/${service.code}`}
          className={buttonClasses("primary", "w-full sm:w-auto sm:self-start")}
        >
          {t("applyFor", { service: name })}
        </Link>
      ) : (
        <p className="text-sm text-slate-600">{t("serviceClosed")}</p>
      )}
    </div>
  );
}
