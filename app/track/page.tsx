import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/notice";

export async function generateMetadata() {
  return { title: (await getTranslations("track"))("title") };
}

/** Public by design: anyone with an application number and ID number may look a case up. */
export default async function TrackPage() {
  const t = await getTranslations("track");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <Notice>{t("comingSoon")}</Notice>
    </>
  );
}
