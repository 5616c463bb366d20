import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button, buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { dashboardParams, type DashboardFilters as Filters } from "@/lib/dashboard/schema";

type Service = { id: string; nameZh: string; nameEn: string };

/**
 * A plain GET form: it works before hydration, and every view is a URL to bookmark or send on.
 * The CSV link carries the same filters (a plain link: the browser downloads the attachment).
 */
export async function DashboardFilters({ filters, services }: { filters: Filters; services: Service[] }) {
  const [t, locale] = await Promise.all([getTranslations("dashboard"), getLocale()]);
  return (
    <div className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4">
      <form
        action="/console/dashboard"
        method="get"
        role="search"
        aria-label={t("filters.heading")}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end"
      >
        {(["from", "to"] as const).map((name) => (
          <TextField
            key={name}
            id={`dashboard-${name}`}
            name={name}
            type="date"
            label={t(`filters.${name}`)}
            required
            defaultValue={filters[name]}
          />
        ))}
        <SelectField
          id="dashboard-service"
          name="service"
          label={t("filters.service")}
          defaultValue={filters.service ?? ""}
          emptyOption={t("filters.anyService")}
          options={services.map((service) => ({
            value: service.id,
            label: locale === "zh" ? service.nameZh : service.nameEn,
          }))}
        />
        <div className="flex flex-wrap items-end gap-2">
          <Button type="submit">{t("filters.apply")}</Button>
          <Link href="/console/dashboard" className={buttonClasses("ghost")}>
            {t("filters.reset")}
          </Link>
        </div>
      </form>
      <p className="flex flex-col gap-1 border-t border-slate-100 pt-3 text-sm text-slate-600 sm:flex-row sm:items-center sm:gap-3">
        {/* A plain <a>: the client router must not try to render an attachment as a page. */}
        <a
          href={`/console/dashboard/export?${dashboardParams(filters)}`}
          download
          className={buttonClasses("secondary")}
        >
          {t("export.link")}
        </a>
        <span>{t("export.hint")}</span>
      </p>
    </div>
  );
}
