import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { BarChart } from "./bar-chart";
import { ChartSection } from "./chart-section";
import { COLORS, formatShare, percent } from "./format";

type ServiceOnTime = {
  serviceId: string;
  nameZh: string;
  nameEn: string;
  measured: number;
  onTime: number;
  rate: number | null;
};

/** Per service: the on-time rate of the staff's steps (waiting for the applicant left out). */
export async function OnTimeByServiceSection({ rows }: { rows: ServiceOnTime[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("dashboard"), getFormat(), getLocale()]);
  const named = rows.map((row) => ({ ...row, name: locale === "zh" ? row.nameZh : row.nameEn }));
  const worst = [...named].sort((a, b) => (a.rate ?? 1) - (b.rate ?? 1))[0];
  return (
    <ChartSection
      id="services"
      title={t("services.heading")}
      summary={
        worst
          ? t("services.summary", {
              count: named.length,
              service: worst.name,
              rate: formatShare(worst.rate, format),
            })
          : t("services.summaryNone")
      }
      numbersLabel={t("showNumbers")}
      table={{
        columns: [t("services.service"), t("onTime.measured"), t("onTime.onTime"), t("onTime.rate")],
        rows: named.map((row) => ({
          key: row.serviceId,
          cells: [row.name, row.measured, row.onTime, formatShare(row.rate, format)],
        })),
      }}
    >
      {named.length > 0 && (
        <BarChart
          orientation="rows"
          unit="%"
          max={100}
          height={Math.max(160, 48 * named.length)}
          data={named.map((row) => ({ label: row.name, values: [percent(row.rate)] }))}
          series={[{ name: t("onTime.rate"), color: COLORS.primary }]}
        />
      )}
    </ChartSection>
  );
}
