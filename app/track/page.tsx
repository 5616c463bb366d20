import { getTranslations } from "next-intl/server";
import { TrackForm } from "@/components/track/track-form";
import { PageHeader } from "@/components/ui/page-header";

// Every answer is personal: never prerendered or cached (the lookup itself runs in a Server Action, a POST).
export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("track"))("title") };
}

/** Public by design: anyone with an application number and ID number may look a case up. */
export default async function TrackPage() {
  const t = await getTranslations("track");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <TrackForm />
    </>
  );
}
