import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

export default function PortalLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="portal">{children}</ClientMessages>;
}
