import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { SectionNav } from "@/components/layout/section-nav";
import { canAccess } from "@/lib/auth/roles";
import { requireArea } from "@/lib/auth/session";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireArea("console", "/console");
  const t = await getTranslations("nav");
  const links = [
    { href: "/console", label: t("queue"), exact: true },
    ...(user.role === "SUPERVISOR" || user.role === "ADMIN"
      ? [{ href: "/console/dashboard", label: t("dashboard") }]
      : []),
    { href: "/console/rota", label: t("rota") },
    { href: "/console/handover", label: t("handover") },
    { href: "/console/mailbox", label: t("mailbox") },
    ...(canAccess(user.role, "admin") ? [{ href: "/console/admin", label: t("admin") }] : []),
  ];
  return (
    <ClientMessages area="console">
      <SectionNav label={t("consoleSections")} links={links} />
      {children}
    </ClientMessages>
  );
}
