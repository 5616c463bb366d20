import type { ReactNode } from "react";
import { EmailConfirmationNotice } from "@/components/auth/email-confirmation-notice";
import { ClientMessages } from "@/components/layout/client-messages";
import { needsEmailConfirmation } from "@/lib/auth/confirmation-data";
import { getCurrentUser } from "@/lib/auth/session";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  // Pages still call requireArea; this only decides whether to remind the applicant (decision 010).
  const user = await getCurrentUser();
  const unconfirmed = user ? await needsEmailConfirmation(user.id) : false;
  return (
    <ClientMessages area="portal">
      {unconfirmed && user && <EmailConfirmationNotice email={user.email} />}
      {children}
    </ClientMessages>
  );
}
