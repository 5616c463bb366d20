import { getTranslations } from "next-intl/server";
import { CreateServiceForm } from "@/components/admin/create-service-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { TextLink } from "@/components/ui/text-link";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.catalog.create"))("title") };
}

export default async function NewServicePage() {
  await requireArea("admin", "/console/admin/services/new");
  const t = await getTranslations("admin.catalog");
  return (
    <>
      <TextLink href="/console/admin/services">{t("backToList")}</TextLink>
      <PageHeader title={t("create.title")} description={t("create.description")} />
      <div className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
        <CreateServiceForm />
      </div>
    </>
  );
}
