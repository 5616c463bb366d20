import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

export default function TrackLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="track">{children}</ClientMessages>;
}
