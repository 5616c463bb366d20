import type { Locale } from "../config";

// One file per namespace and locale (lib/i18n/messages/<locale>/<namespace>.json), so features
// own their texts; merged here into next-intl's single message tree.
const NAMESPACES = [
  "admin",
  "apply",
  "auth",
  "case",
  "catalog",
  "console",
  "dashboard",
  "errorPage",
  "errors",
  "evidence",
  "footer",
  "forbidden",
  "home",
  "meta",
  "nav",
  "nodes",
  "notFound",
  "notifications",
  "payment",
  "portal",
  "queue",
  "roles",
  "rota",
  "track",
  "validation",
  "workspace",
] as const;

export type Messages = Record<string, unknown>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, (await import(`./${locale}/${namespace}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}

export const MESSAGE_NAMESPACES: readonly string[] = NAMESPACES;
