import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OnDutyPanel } from "@/components/rota/on-duty-panel";
import { StandardShiftsButton } from "@/components/rota/standard-shifts-button";
import { WeekGrid } from "@/components/rota/week-grid";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { canEditRota } from "@/lib/rota/access";
import { findOnDutyNow, listShifts, rotaTimeZone } from "@/lib/rota/data";

const PATH = "/console/rota";

export async function generateMetadata() {
  return { title: (await getTranslations("rota"))("title") };
}

export default async function RotaPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const viewer = await requireArea("console", PATH);
  const editable = canEditRota(viewer.role);
  const [t, shifts, onDuty, { deleted }] = await Promise.all([
    getTranslations("rota"),
    listShifts(viewer),
    findOnDutyNow(viewer),
    searchParams,
  ]);
  const zone = rotaTimeZone();

  return (
    <>
      <PageHeader
        title={t("title")}
        description={editable ? t("description", { zone }) : t("ownDescription", { zone })}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            {/* Where pages reach this person outside the app (lib/paging). */}
            <Link href="/console/profile" className={buttonClasses("secondary")}>
              {t("paging.profile.link")}
            </Link>
            {editable && (
              <Link href={`${PATH}/new`} className={buttonClasses("primary")}>
                {t("actions.newShift")}
              </Link>
            )}
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        {deleted === "1" && <Notice tone="success">{t("shift.deleted")}</Notice>}
        <OnDutyPanel reviewers={onDuty.reviewers} supervisors={onDuty.supervisors} />
        {editable && <StandardShiftsButton />}
        {!editable && shifts.length === 0 ? (
          <Notice>{t("week.noneOwn")}</Notice>
        ) : (
          <WeekGrid shifts={shifts} editable={editable} />
        )}
      </div>
    </>
  );
}
