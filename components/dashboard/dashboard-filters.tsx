import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button, buttonClasses } from "@/components/ui/button";
import { INPUT_CLASSES } from "@/components/ui/field";
import { dashboardParams, type DashboardFilters as Filters } from "@/lib/dashboard/schema";

type Service = { id: string; nameZh: string; nameEn: string };

const LABEL = "text-sm font-medium text-slate-800";

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
        <div className="flex flex-col gap-1">
          <label htmlFor="dashboard-from" className={LABEL}>
            {t("filters.from")}
          </label>
          <input
            id="dashboard-from"
            name="from"
            type="date"
            required
            defaultValue={filters.from}
            className={INPUT_CLASSES}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="dashboard-to" className={LABEL}>
            {t("filters.to")}
          </label>
          <input
            id="dashboard-to"
            name="to"
            type="date"
            required
            defaultValue={filters.to}
            className={INPUT_CLASSES}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="dashboard-service" className={LABEL}>
            {t("filters.service")}
          </label>
          <select
            id="dashboard-service"
            name="service"
            defaultValue={filters.service ?? ""}
            className={INPUT_CLASSES}
          >
            <option value="">{t("filters.anyService")}</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {locale === "zh" ? service.nameZh : service.nameEn}
              </option>
            ))}
          </select>
        </div>
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
