import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HandoverDetail } from "@/components/handover/handover-detail";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { findHandover } from "@/lib/handover/data";
import { worksShifts } from "@/lib/rota/access";
import { TextLink } from "@/components/ui/text-link";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ submitted?: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("rota.handover"))("title") };
}

export default async function HandoverDetailPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireArea("console", `/console/handover/${id}`);
  const [handover, t, { submitted }] = await Promise.all([
    findHandover(viewer, id),
    getTranslations("rota.handover"),
    searchParams,
  ]);
  if (!handover) notFound();
  const canAcknowledge = worksShifts(viewer.role) && handover.author.id !== viewer.id;

  return (
    <>
      <TextLink href="/console/handover">{t("detail.back")}</TextLink>
      <PageHeader title={t("detail.title", { name: handover.author.displayName })} />
      <div className="flex flex-col gap-4">
        {submitted === "1" && handover.author.id === viewer.id && (
          <Notice tone="success">{t("detail.submitted")}</Notice>
        )}
        <HandoverDetail handover={handover} canAcknowledge={canAcknowledge} />
      </div>
    </>
  );
}
