import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicationForm } from "@/components/apply/application-form";
import type { ApplyService } from "@/components/apply/types";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { findActiveService } from "@/lib/catalog/data";
import { isSharedDeviceSession, requireArea } from "@/lib/auth/session";
import { listDraftEvidence } from "@/lib/evidence/data";
import { TextLink } from "@/components/ui/text-link";

type Props = { params: Promise<{ service: string }> };

export async function generateMetadata({ params }: Props) {
  const [{ service: code }, t, locale] = await Promise.all([params, getTranslations("apply"), getLocale()]);
  const service = await findActiveService(code);
  return {
    title: service
      ? t("formTitle", { service: locale === "zh" ? service.nameZh : service.nameEn })
      : t("chooseTitle"),
  };
}

export default async function ApplyPage({ params }: Props) {
  const { service: code } = await params;
  const user = await requireArea("portal", `/portal/apply/${encodeURIComponent(code)}`);
  const [service, drafts, t, locale, sharedDevice] = await Promise.all([
    findActiveService(code),
    listDraftEvidence(user),
    getTranslations("apply"),
    getLocale(),
    isSharedDeviceSession(),
  ]);
  if (!service) notFound();
  const zh = locale === "zh";
  const name = zh ? service.nameZh : service.nameEn;
  const formService: ApplyService = {
    code: service.code,
    name,
    baseFeeMinor: service.baseFeeMinor,
    currency: service.currency,
    tiers: service.tiers,
    evidence: service.evidence.map((item) => ({
      kind: item.kind,
      label: zh ? item.labelZh : item.labelEn,
      required: item.required,
    })),
  };
  return (
    <div className="mx-auto max-w-3xl">
      <TextLink href="/portal/apply" className="mb-4">
        ← {t("backToServices")}
      </TextLink>
      <PageHeader
        title={t("formTitle", { service: name })}
        description={zh ? service.descriptionZh : service.descriptionEn}
      />
      {service.tiers.length === 0 ? (
        <Notice>{t("serviceClosed")}</Notice>
      ) : (
        <ApplicationForm
          userId={user.id}
          service={formService}
          defaults={{ applicantName: user.displayName, email: user.email }}
          serverDrafts={drafts}
          keepOnDevice={!sharedDevice}
        />
      )}
    </div>
  );
}
