import { getTranslations } from "next-intl/server";
import { PagingProfileForm } from "@/components/paging/paging-profile-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { findPagingProfile } from "@/lib/paging/profile-data";

export async function generateMetadata() {
  return { title: (await getTranslations("rota.paging.profile"))("title") };
}

/** The staff member's own profile: where pages reach them outside the app (decision 036). */
export default async function ProfilePage() {
  const user = await requireArea("console", "/console/profile");
  const [t, profile] = await Promise.all([
    getTranslations("rota.paging.profile"),
    findPagingProfile(user.id),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card headingId="paging-heading" heading={t("heading")}>
        <PagingProfileForm email={user.email} phone={profile.phone ?? ""} preference={profile.preference} />
      </Card>
    </>
  );
}
