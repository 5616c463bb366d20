import { getTranslations } from "next-intl/server";
import { ServiceChoice } from "@/components/apply/service-choice";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { listActiveServices } from "@/lib/catalog/data";

export async function generateMetadata() {
  return { title: (await getTranslations("catalog"))("title") };
}

export default async function ServicesPage() {
  const t = await getTranslations("catalog");
  const services = await listActiveServices();
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="mb-6">
        <Notice>{t("standardIsCheaper")}</Notice>
      </div>
      {services.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="grid gap-6 md:grid-cols-2">
          {services.map((service) => (
            <li key={service.id}>
              {/* With "Apply for …", which opens the form with this service (through sign-in if needed). */}
              <ServiceChoice service={service} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
