import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { RoleForm } from "@/components/admin/role-form";
import { Section } from "@/components/admin/section";
import { StaffServicesForm } from "@/components/admin/staff-services-form";
import { StaffStatus } from "@/components/admin/staff-status";
import { StatusBadge } from "@/components/admin/status-badge";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { findStaffMember, listAssignableServices } from "@/lib/staff/data";
import type { StaffRole } from "@/lib/staff/schema";
import { TextLink } from "@/components/ui/text-link";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("admin.staff"))("title") };
}

export default async function StaffMemberPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireArea("admin", `/console/admin/staff/${id}`);
  const [member, services, t, tRoles, format, { created }] = await Promise.all([
    findStaffMember(viewer, id),
    listAssignableServices(viewer, id),
    getTranslations("admin.staff"),
    getTranslations("roles"),
    getFormat(),
    searchParams,
  ]);
  if (!member) notFound();
  const isSelf = member.id === viewer.id;

  return (
    <>
      <TextLink href="/console/admin/staff">{t("backToList")}</TextLink>
      <PageHeader title={member.displayName} description={`${member.email} · ${tRoles(member.role)}`} />
      <div className="flex flex-col gap-4">
        {created === "1" && (
          <Notice tone="success">{t("detail.created", { name: member.displayName })}</Notice>
        )}
        <Section id="status" title={t("status.heading")}>
          <dl className="mb-4 grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-600">{t("table.status")}</dt>
              <dd className="mt-1">
                <StatusBadge active={member.active} label={member.active ? t("active") : t("inactive")} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("table.openCases")}</dt>
              <dd className="mt-1 tabular-nums">{member._count.assignedCases}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("detail.since")}</dt>
              <dd className="mt-1">{format.dateTime(member.createdAt, { dateStyle: "medium" })}</dd>
            </div>
          </dl>
          <StaffStatus
            userId={member.id}
            name={member.displayName}
            active={member.active}
            openCases={member._count.assignedCases}
            isSelf={isSelf}
          />
        </Section>
        <Section id="role" title={t("role.heading")}>
          <RoleForm userId={member.id} role={member.role as StaffRole} isSelf={isSelf} />
        </Section>
        <Section id="services" title={t("services.heading")} description={t("services.description")}>
          <StaffServicesForm
            userId={member.id}
            services={services}
            selected={member.handledServices.map((row) => row.serviceId)}
          />
        </Section>
        <Section id="password" title={t("password.heading")} description={t("password.description")}>
          <ResetPasswordForm userId={member.id} name={member.displayName} />
        </Section>
      </div>
    </>
  );
}
