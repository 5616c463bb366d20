import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ServicesTable } from "@/components/admin/services-table";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { listServicesForAdmin } from "@/lib/catalog/admin-data";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.catalog"))("title") };
}

export default async function ServicesPage() {
  const user = await requireArea("admin", "/console/admin/services");
  const [t, services] = await Promise.all([getTranslations("admin.catalog"), listServicesForAdmin(user)]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/console/admin/services/new" className={buttonClasses("primary", "w-full sm:w-auto")}>
            <span aria-hidden="true">+</span>
            {t("new")}
          </Link>
        }
      />
      <div className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
        {services.length === 0 ? (
          <p className="text-slate-600">{t("empty")}</p>
        ) : (
          <ServicesTable services={services} />
        )}
      </div>
    </>
  );
}
