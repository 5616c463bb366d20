import { getTranslations } from "next-intl/server";
import { ServiceChoice } from "@/components/apply/service-choice";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { listActiveServices } from "@/lib/catalog/data";

export async function generateMetadata() {
  return { title: (await getTranslations("apply"))("chooseTitle") };
}

export default async function ChooseServicePage() {
  await requireArea("portal", "/portal/apply");
  const t = await getTranslations("apply");
  const services = await listActiveServices();
  return (
    <>
      <PageHeader title={t("chooseTitle")} description={t("chooseIntro")} />
      <div className="mb-6">
        <Notice>{t("standardIsCheaper")}</Notice>
      </div>
      {services.length === 0 ? (
        <p className="text-slate-600">{t("noServices")}</p>
      ) : (
        <ul className="grid gap-6 md:grid-cols-2">
          {services.map((service) => (
            <li key={service.id}>
              <ServiceChoice service={service} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
