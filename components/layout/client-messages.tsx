import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import {
  CLIENT_NAMESPACES,
  ROOT_CLIENT_NAMESPACES,
  pickNamespaces,
  type ClientMessagesArea,
} from "@/lib/i18n/client-namespaces";

/**
 * Hands the client components below only the texts of their area (`lib/i18n/client-namespaces`).
 * A nested provider replaces its parent's messages rather than adding to them, so each area's set
 * includes the root's.
 */
export async function ClientMessages({ area, children }: { area?: ClientMessagesArea; children: ReactNode }) {
  const namespaces = area ? [...ROOT_CLIENT_NAMESPACES, ...CLIENT_NAMESPACES[area]] : ROOT_CLIENT_NAMESPACES;
  return (
    <NextIntlClientProvider messages={pickNamespaces(await getMessages(), namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
