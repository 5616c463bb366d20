import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Section } from "@/components/admin/section";
import { DeleteShift } from "@/components/rota/delete-shift";
import { ShiftForm } from "@/components/rota/shift-form";
import { ShiftMembersForm } from "@/components/rota/shift-members-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { canEditRota } from "@/lib/rota/access";
import { formatClock } from "@/lib/rota/clock";
import { findShift, listShiftCandidates, rotaTimeZone } from "@/lib/rota/data";
import { crossesMidnight } from "@/lib/rota/shift-time";
import { TextLink } from "@/components/ui/text-link";
import { shiftName } from "@/lib/rota/shift-name";
import { parenthesized } from "@/lib/i18n/punctuation";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("rota"))("title") };
}

export default async function ShiftPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireArea("console", `/console/rota/${id}`);
  // Reviewers only see the rota (the data layer refuses them anyway).
  if (!canEditRota(viewer.role)) redirect("/console/rota");
  const [shift, candidates, t, locale, { created }] = await Promise.all([
    findShift(viewer, id),
    listShiftCandidates(viewer),
    getTranslations("rota"),
    getLocale(),
    searchParams,
  ]);
  if (!shift) notFound();
  const weekday = t(`weekdays.${shift.weekday}`);
  const times = { start: formatClock(shift.startMinute), end: formatClock(shift.endMinute) };

  return (
    <>
      <TextLink href="/console/rota">{t("shift.back")}</TextLink>
      <PageHeader
        title={shiftName(shift.name, locale)}
        description={`${weekday} · ${t(crossesMidnight(shift) ? "week.overnight" : "week.times", times)}${locale === "zh" ? "" : " "}${parenthesized(rotaTimeZone(), locale)}`}
      />
      <div className="flex flex-col gap-4">
        {created === "1" && <Notice tone="success">{t("shift.created")}</Notice>}
        <Section id="members" title={t("shift.membersHeading")} description={t("shift.membersDescription")}>
          <ShiftMembersForm
            shiftId={shift.id}
            candidates={candidates}
            selected={shift.members.map((member) => member.id)}
          />
        </Section>
        <Section id="times" title={t("shift.timesHeading")}>
          <ShiftForm shift={{ id: shift.id, name: shift.name, weekday: shift.weekday, ...times }} />
        </Section>
        <Section id="delete" title={t("shift.deleteHeading")} description={t("shift.deleteDescription")}>
          <DeleteShift shiftId={shift.id} name={shiftName(shift.name, locale)} weekday={weekday} />
        </Section>
      </div>
    </>
  );
}
