import type { Locale } from "../config";

// One file per namespace and locale (lib/i18n/messages/<locale>/<namespace>.json), so features
// own their texts; merged here into next-intl's single message tree.
const NAMESPACES = [
  "admin",
  "api",
  "apply",
  "auth",
  "case",
  "catalog",
  "console",
  "dashboard",
  "developers",
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
  "webhooks",
  "workspace",
] as const;

export type Messages = Record<string, unknown>;

// Texts only change with a deploy: merged once per locale and process, not on every request.
const loaded = new Map<Locale, Promise<Messages>>();

export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = Promise.all(
      NAMESPACES.map(
        async (namespace) => [namespace, (await import(`./${locale}/${namespace}.json`)).default] as const,
      ),
    ).then((entries) => Object.fromEntries(entries));
    loaded.set(locale, messages);
  }
  return messages;
}

export const MESSAGE_NAMESPACES: readonly string[] = NAMESPACES;
