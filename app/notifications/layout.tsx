import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

export default function NotificationsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="notifications">{children}</ClientMessages>;
}
