import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import type { FirstResponse } from "@/lib/dashboard/data";
import { BarChart } from "./bar-chart";
import { ChartSection } from "./chart-section";
import { COLORS, EMPTY, formatMinutes, formatShare } from "./format";
import { StatList } from "./stat-list";

const PANEL = "flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5";

/** Submission → first staff action: typical, average and slow (p90), and how many still wait for one. */
export async function FirstResponseSection({ data }: { data: FirstResponse }) {
  const t = await getTranslations("dashboard");
  return (
    <section aria-labelledby="first-response-heading" className={PANEL}>
      <h2 id="first-response-heading" className="text-lg font-semibold">
        {t("firstResponse.heading")}
      </h2>
      <p className="text-sm text-slate-700">
        {data.responded
          ? t("firstResponse.summary", {
              median: formatMinutes(data.medianMinutes, t),
              p90: formatMinutes(data.p90Minutes, t),
              responded: data.responded,
              cases: data.cases,
            })
          : t("firstResponse.summaryNone")}
      </p>
      <StatList
        stats={[
          { label: t("firstResponse.median"), value: formatMinutes(data.medianMinutes, t) },
          { label: t("firstResponse.average"), value: formatMinutes(data.averageMinutes, t) },
          { label: t("firstResponse.p90"), value: formatMinutes(data.p90Minutes, t) },
          { label: t("firstResponse.responded"), value: data.responded },
          { label: t("firstResponse.waiting"), value: data.waiting },
        ]}
      />
    </section>
  );
}

/** The share of cases whose applicant asked staff to hurry (催办) at least once. */
export async function FollowUpSection({
  data,
}: {
  data: { cases: number; withFollowUp: number; followUps: number; rate: number | null };
}) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormat()]);
  return (
    <section aria-labelledby="follow-ups-heading" className={PANEL}>
      <h2 id="follow-ups-heading" className="text-lg font-semibold">
        {t("followUps.heading")}
      </h2>
      <p className="text-sm text-slate-700">
        {data.cases
          ? t("followUps.summary", { ...data, rate: formatShare(data.rate, format) })
          : t("followUps.summaryNone")}
      </p>
      <StatList
        stats={[
          { label: t("followUps.rate"), value: formatShare(data.rate, format) },
          { label: t("followUps.withFollowUp"), value: data.withFollowUp },
          { label: t("followUps.total"), value: data.followUps },
        ]}
      />
    </section>
  );
}

type Ratings = { count: number; average: number | null; distribution: { rating: number; count: number }[] };

/** The applicants' ratings: average, how many, and the spread over 1–5 stars. */
export async function RatingsSection({ data }: { data: Ratings }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormat()]);
  const average = data.average === null ? EMPTY : format.number(data.average, { maximumFractionDigits: 2 });
  const share = (count: number) => formatShare(data.count ? count / data.count : null, format);
  return (
    <ChartSection
      id="ratings"
      title={t("ratings.heading")}
      summary={data.count ? t("ratings.summary", { count: data.count, average }) : t("ratings.summaryNone")}
      numbersLabel={t("showNumbers")}
      table={{
        columns: [t("ratings.rating"), t("ratings.count"), t("ratings.share")],
        rows: [...data.distribution].reverse().map((row) => ({
          key: String(row.rating),
          cells: [t("ratings.stars", { rating: row.rating }), row.count, share(row.count)],
        })),
      }}
      extra={
        <StatList
          stats={[
            { label: t("ratings.average"), value: average },
            { label: t("ratings.count"), value: data.count },
          ]}
        />
      }
    >
      {data.count > 0 && (
        <BarChart
          height={200}
          integers
          data={data.distribution.map((row) => ({
            label: t("ratings.stars", { rating: row.rating }),
            values: [row.count],
          }))}
          series={[{ name: t("ratings.count"), color: COLORS.primary }]}
        />
      )}
    </ChartSection>
  );
}
