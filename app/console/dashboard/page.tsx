import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import {
  FirstResponseSection,
  FollowUpSection,
  RatingsSection,
} from "@/components/dashboard/experience-sections";
import {
  OnTimeByNodeSection,
  OpenCountsSection,
  TimePerNodeSection,
} from "@/components/dashboard/node-sections";
import { PagingSection } from "@/components/dashboard/paging-section";
import { RefundsSection } from "@/components/dashboard/refund-section";
import { OnTimeByServiceSection } from "@/components/dashboard/service-section";
import { HourlyVolumeSection } from "@/components/dashboard/volume-section";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import {
  dashboardTimeZone,
  getFirstResponse,
  getFollowUpRate,
  getHourlyVolume,
  getOnTimeByNode,
  getOnTimeByService,
  getOpenCountsByNode,
  getRatings,
  getRefundsByCause,
  getTimePerNode,
  listDashboardServices,
} from "@/lib/dashboard/data";
import {
  canViewDashboard,
  dashboardParams,
  parseDashboardFilters,
  type DashboardSearchParams,
} from "@/lib/dashboard/schema";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<DashboardSearchParams>;
}) {
  const timeZone = dashboardTimeZone();
  const filters = parseDashboardFilters(await searchParams, { now: new Date(), timeZone });
  const user = await requireArea("console", `/console/dashboard?${dashboardParams(filters)}`);
  // Reviewers work cases; the whole operation's numbers are for supervisors and admins.
  if (!canViewDashboard(user.role)) redirect("/forbidden?area=dashboard");
  const [
    t,
    format,
    locale,
    services,
    open,
    onTimeNodes,
    onTimeServices,
    times,
    firstResponse,
    volume,
    followUps,
    ratings,
    refunds,
  ] = await Promise.all([
    getTranslations("dashboard"),
    getFormat(),
    getLocale(),
    listDashboardServices(user),
    getOpenCountsByNode(user, filters),
    getOnTimeByNode(user, filters),
    getOnTimeByService(user, filters),
    getTimePerNode(user, filters),
    getFirstResponse(user, filters),
    getHourlyVolume(user, filters),
    getFollowUpRate(user, filters),
    getRatings(user, filters),
    getRefundsByCause(user, filters),
  ]);
  const day = (value: string) =>
    format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const service = services.find((entry) => entry.id === filters.service);
  const period = { from: day(filters.from), to: day(filters.to), zone: timeZone, cases: followUps.cases };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          service
            ? t("descriptionService", {
                ...period,
                service: locale === "zh" ? service.nameZh : service.nameEn,
              })
            : t("description", period)
        }
      />
      <div className="flex flex-col gap-4">
        <DashboardFilters filters={filters} services={services} />
        {filters.limited && <Notice>{t("limited")}</Notice>}
        <OpenCountsSection counts={open} />
        <div className="grid gap-4 lg:grid-cols-2">
          <OnTimeByNodeSection rows={onTimeNodes} />
          <OnTimeByServiceSection rows={onTimeServices} />
        </div>
        <TimePerNodeSection nodes={times.nodes} bottleneck={times.bottleneck} />
        <div className="grid gap-4 lg:grid-cols-2">
          <FirstResponseSection data={firstResponse} />
          <FollowUpSection data={followUps} />
        </div>
        <HourlyVolumeSection volume={volume} timeZone={timeZone} />
        <RatingsSection data={ratings} />
        <PagingSection viewer={user} filters={filters} />
        <RefundsSection rows={refunds} />
      </div>
    </>
  );
}
