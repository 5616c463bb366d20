import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { DAY_END_HOUR, DAY_START_HOUR } from "@/lib/dashboard/schema";
import { BarChart } from "./bar-chart";
import { ChartSection } from "./chart-section";
import { COLORS, formatShare } from "./format";

type Volume = { hours: { hour: number; count: number }[]; day: number; night: number };

const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;
const isDay = (hour: number) => hour >= DAY_START_HOUR && hour < DAY_END_HOUR;

/** Submissions per hour of day in the rota's zone; night hours in amber, and the day/night split in words. */
export async function HourlyVolumeSection({ volume, timeZone }: { volume: Volume; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormat()]);
  const total = volume.day + volume.night;
  const share = (count: number) => formatShare(total ? count / total : null, format);
  const busiest = volume.hours.reduce((top, row) => (row.count > top.count ? row : top), volume.hours[0]!);
  const hours = { dayStart: hourLabel(DAY_START_HOUR), dayEnd: hourLabel(DAY_END_HOUR) };
  return (
    <ChartSection
      id="hourly"
      title={t("hourly.heading")}
      summary={
        total
          ? t("hourly.summary", {
              ...hours,
              day: volume.day,
              dayShare: share(volume.day),
              night: volume.night,
              nightShare: share(volume.night),
              busiest: hourLabel(busiest.hour),
              zone: timeZone,
            })
          : t("hourly.summaryNone")
      }
      numbersLabel={t("showNumbers")}
      table={{
        columns: [t("hourly.hour"), t("hourly.period"), t("hourly.count")],
        rows: [
          ...volume.hours.map((row) => ({
            key: String(row.hour),
            cells: [hourLabel(row.hour), isDay(row.hour) ? t("hourly.day") : t("hourly.night"), row.count],
          })),
          { key: "day", cells: [t("hourly.dayTotal", hours), "", volume.day] },
          { key: "night", cells: [t("hourly.nightTotal", hours), "", volume.night] },
        ],
      }}
      extra={
        <p className="flex flex-wrap gap-4 text-xs text-slate-600">
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="size-3 rounded-sm" style={{ background: COLORS.primary }} />
            {t("hourly.dayLegend", hours)}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="size-3 rounded-sm" style={{ background: COLORS.highlight }} />
            {t("hourly.nightLegend", hours)}
          </span>
        </p>
      }
    >
      {total > 0 && (
        <BarChart
          integers
          data={volume.hours.map((row) => ({
            label: hourLabel(row.hour),
            values: [row.count],
            highlight: !isDay(row.hour),
          }))}
          series={[{ name: t("hourly.count"), color: COLORS.primary, highlightColor: COLORS.highlight }]}
        />
      )}
    </ChartSection>
  );
}
