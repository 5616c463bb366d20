import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ShiftForm } from "@/components/rota/shift-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { canEditRota } from "@/lib/rota/access";
import { TextLink } from "@/components/ui/text-link";

export async function generateMetadata() {
  return { title: (await getTranslations("rota.new"))("title") };
}

export default async function NewShiftPage() {
  const viewer = await requireArea("console", "/console/rota/new");
  // Reviewers only see the rota (the action refuses them anyway).
  if (!canEditRota(viewer.role)) redirect("/console/rota");
  const t = await getTranslations("rota");
  return (
    <>
      <TextLink href="/console/rota">{t("shift.back")}</TextLink>
      <PageHeader title={t("new.title")} description={t("new.description")} />
      <div className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
        <ShiftForm />
      </div>
    </>
  );
}
