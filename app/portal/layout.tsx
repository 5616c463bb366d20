import type { ReactNode } from "react";
import { DeviceDataGuard } from "@/components/apply/device-data-guard";
import { EmailConfirmationNotice } from "@/components/auth/email-confirmation-notice";
import { ClientMessages } from "@/components/layout/client-messages";
import { needsEmailConfirmation } from "@/lib/auth/confirmation-data";
import { getCurrentUser, isSharedDeviceSession } from "@/lib/auth/session";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  // Pages still call requireArea; this only decides whether to remind the applicant (decision 010).
  const user = await getCurrentUser();
  const [unconfirmed, sharedDevice] = await Promise.all([
    user ? needsEmailConfirmation(user.id) : false,
    isSharedDeviceSession(),
  ]);
  return (
    <ClientMessages area="portal">
      {user && <DeviceDataGuard userId={user.id} sharedDevice={sharedDevice} />}
      {unconfirmed && user && <EmailConfirmationNotice email={user.email} />}
      {children}
    </ClientMessages>
  );
}
