/**
 * The message namespaces each area's client components can read. Pages send only these to the
 * browser instead of every text of the app (74 KB a page in English before), which halves the
 * lookup page and saves render time on every page. `client-namespaces.test.ts` derives what each
 * area needs from its code and fails when a list falls short.
 */
export const ROOT_CLIENT_NAMESPACES: readonly string[] = ["auth", "errorPage", "errors", "validation"];

/** Added to the root's by the area's layout (`<ClientMessages area="…">`), keyed by its folder in app/. */
export const CLIENT_NAMESPACES = {
  track: ["case", "catalog", "nodes", "track"],
  portal: ["apply", "case", "catalog", "evidence", "nodes", "payment", "rota", "track", "workspace"],
  console: [
    "admin",
    "case",
    "catalog",
    "dashboard",
    "evidence",
    "nodes",
    "notifications",
    "payment",
    "queue",
    "roles",
    "rota",
    "webhooks",
    "workspace",
  ],
  notifications: ["case", "notifications", "payment"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesArea = keyof typeof CLIENT_NAMESPACES;

export function pickNamespaces(messages: Record<string, unknown>, namespaces: readonly string[]) {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
}
