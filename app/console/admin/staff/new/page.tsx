import { getTranslations } from "next-intl/server";
import { CreateStaffForm } from "@/components/admin/create-staff-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { TextLink } from "@/components/ui/text-link";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.staff.create"))("title") };
}

export default async function NewStaffPage() {
  await requireArea("admin", "/console/admin/staff/new");
  const t = await getTranslations("admin.staff");
  return (
    <>
      <TextLink href="/console/admin/staff">{t("backToList")}</TextLink>
      <PageHeader title={t("create.title")} description={t("create.description")} />
      <div className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
        <CreateStaffForm />
      </div>
    </>
  );
}
