import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ShiftForm } from "@/components/rota/shift-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { canEditRota } from "@/lib/rota/access";

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
      <Link
        href="/console/rota"
        className="inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 hover:underline"
      >
        {t("shift.back")}
      </Link>
      <PageHeader title={t("new.title")} description={t("new.description")} />
      <div className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
        <ShiftForm />
      </div>
    </>
  );
}
