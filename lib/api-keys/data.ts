import "server-only";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { API_CLIENTS_PAGE_SIZE, KEYS_PER_CLIENT, type ApiClientListQuery } from "./schema";

/** API clients, newest first, one page at a time, each with its newest keys. Admins only. */
export async function listApiClients(viewer: Viewer, query: ApiClientListQuery) {
  assertArea(viewer, "admin");
  const [items, total] = await Promise.all([
    db.apiClient.findMany({
      // The id breaks ties so that pages never overlap or skip a client.
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * API_CLIENTS_PAGE_SIZE,
      take: API_CLIENTS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        kind: true,
        contactEmail: true,
        createdAt: true,
        user: { select: { id: true, displayName: true, role: true, active: true } },
        _count: { select: { keys: true } },
        keys: {
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: KEYS_PER_CLIENT,
          // Never the hash: the console has no use for it.
          select: {
            id: true,
            name: true,
            prefix: true,
            scopes: true,
            rateLimitPerMinute: true,
            expiresAt: true,
            lastUsedAt: true,
            revokedAt: true,
            createdAt: true,
          },
        },
      },
    }),
    db.apiClient.count(),
  ]);
  return {
    items: items.map(({ _count, ...client }) => ({ ...client, keyCount: _count.keys })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / API_CLIENTS_PAGE_SIZE)),
  };
}

export type ApiClientListItem = Awaited<ReturnType<typeof listApiClients>>["items"][number];

/** Active staff an internal system may act as, by name. */
export async function listActingStaff(viewer: Viewer) {
  assertArea(viewer, "admin");
  return db.user.findMany({
    where: { role: { in: [...STAFF_ROLES] }, active: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, displayName: true, email: true, role: true },
  });
}

/** The key a presented prefix names, with what authentication decides on; no viewer (the key is the caller). */
export function findKeyForAuthentication(prefix: string) {
  return db.apiKey.findUnique({
    where: { prefix },
    select: {
      id: true,
      secretHash: true,
      scopes: true,
      rateLimitPerMinute: true,
      expiresAt: true,
      revokedAt: true,
      client: {
        select: {
          id: true,
          kind: true,
          user: { select: { id: true, role: true, active: true } },
        },
      },
    },
  });
}
