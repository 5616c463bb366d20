import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireArea } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // The pages check again with their own path; this keeps the section's navigation from non-admins.
  await requireArea("admin", "/console/admin");
  const t = await getTranslations("admin.nav");
  const links = [
    { href: "/console/admin/staff", label: t("staff") },
    { href: "/console/admin/services", label: t("services") },
    { href: "/console/admin/api-keys", label: t("apiKeys") },
    { href: "/console/admin/webhooks", label: t("webhooks") },
    { href: "/console/admin/audit", label: t("audit") },
  ];
  return (
    <div className="flex flex-col gap-6">
      <AdminNav label={t("label")} links={links} />
      <div>{children}</div>
    </div>
  );
}
