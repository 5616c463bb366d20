import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EvidenceEditor } from "@/components/admin/evidence-editor";
import { Section } from "@/components/admin/section";
import { ServiceForm } from "@/components/admin/service-form";
import { TierForm } from "@/components/admin/tier-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { findServiceForAdmin } from "@/lib/catalog/admin-data";
import { TextLink } from "@/components/ui/text-link";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("admin.catalog"))("title") };
}

export default async function ServiceAdminPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireArea("admin", `/console/admin/services/${id}`);
  const [service, t, locale, { created }] = await Promise.all([
    findServiceForAdmin(viewer, id),
    getTranslations("admin.catalog"),
    getLocale(),
    searchParams,
  ]);
  if (!service) notFound();
  const name = locale === "zh" ? service.nameZh : service.nameEn;

  return (
    <>
      <TextLink href="/console/admin/services">{t("backToList")}</TextLink>
      <PageHeader title={name} description={<span className="font-mono text-sm">{service.code}</span>} />
      <div className="flex flex-col gap-4">
        {created === "1" && <Notice tone="success">{t("createdNotice")}</Notice>}
        {!service.active && <Notice>{t("inactiveNotice")}</Notice>}
        <Section id="service" title={t("service.heading")}>
          <ServiceForm
            serviceId={service.id}
            values={{
              nameZh: service.nameZh,
              nameEn: service.nameEn,
              descriptionZh: service.descriptionZh,
              descriptionEn: service.descriptionEn,
              baseFeeMinor: service.baseFeeMinor,
              requiresExpertReview: service.requiresExpertReview,
              sortOrder: service.sortOrder,
              loadThreshold: service.loadThreshold,
              active: service.active,
            }}
          />
        </Section>
        {service.tiers.map(({ tier, row }) => (
          <Section
            key={tier}
            id={`tier-${tier}`}
            title={t(`tiers.names.${tier}`)}
            description={t("tiers.description")}
          >
            <TierForm
              serviceId={service.id}
              tier={tier}
              row={row}
              requiresExpertReview={service.requiresExpertReview}
            />
          </Section>
        ))}
        <Section id="evidence" title={t("evidence.heading")} description={t("evidence.description")}>
          <EvidenceEditor serviceId={service.id} requirements={service.evidence} />
        </Section>
      </div>
    </>
  );
}
