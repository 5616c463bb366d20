import "server-only";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { WebhookDeliveryView, WebhookEndpointView } from "./schema";
import type { WebhookEventType } from "./events";

const ENDPOINT_SELECT = {
  id: true,
  url: true,
  events: true,
  createdAt: true,
  failingSince: true,
  disabledAt: true,
} as const;

type EndpointRow = {
  id: string;
  url: string;
  events: string[];
  createdAt: Date;
  failingSince: Date | null;
  disabledAt: Date | null;
};

function endpointView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    createdAt: row.createdAt.toISOString(),
    failingSince: row.failingSince?.toISOString() ?? null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}

/** A client's endpoints, newest first (at most MAX_ENDPOINTS_PER_CLIENT, so one page). Never the secret. */
export async function listClientEndpoints(clientId: string): Promise<WebhookEndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({
    where: { clientId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: ENDPOINT_SELECT,
  });
  return rows.map(endpointView);
}

/** One endpoint, only if it belongs to the client (another client's answers like a missing one). */
export async function findClientEndpoint(clientId: string, endpointId: string) {
  return db.webhookEndpoint.findFirst({ where: { id: endpointId, clientId }, select: { id: true } });
}

/** Opaque to clients: the newest-first position (created_at, id) of the last row shown. */
export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (Number.isNaN(createdAt.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { createdAt, id };
}

/**
 * An endpoint's deliveries, newest first, a page at a time (keyset on created_at, id: the
 * index webhook_delivery(endpoint_id, created_at DESC)). An unreadable cursor starts at the top.
 */
export async function listEndpointDeliveries(
  endpointId: string,
  page: { cursor?: string; limit: number },
): Promise<{ data: WebhookDeliveryView[]; nextCursor: string | null }> {
  const after = decodeCursor(page.cursor);
  const rows = await db.webhookDelivery.findMany({
    where: {
      endpointId,
      ...(after
        ? {
            OR: [
              { createdAt: { lt: after.createdAt } },
              { createdAt: after.createdAt, id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: {
      id: true,
      eventId: true,
      status: true,
      attempts: true,
      lastAttemptAt: true,
      lastStatusCode: true,
      lastError: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      event: { select: { type: true, application: { select: { number: true } } } },
    },
  });
  const shown = rows.slice(0, page.limit);
  return {
    data: shown.map((row) => ({
      id: row.id,
      eventId: row.eventId,
      eventType: row.event.type as WebhookEventType,
      applicationNumber: row.event.application.number,
      status: row.status,
      attempts: row.attempts,
      lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
      lastStatusCode: row.lastStatusCode,
      lastError: row.lastError,
      nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt.toISOString() : null,
      deliveredAt: row.deliveredAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > page.limit ? encodeCursor(shown.at(-1)!) : null,
  };
}

export const ADMIN_ENDPOINTS_PAGE_SIZE = 20;

/** Console: every client's endpoints, newest first, a page at a time. Admins only. */
export async function listAllEndpoints(viewer: Viewer, page: number) {
  assertArea(viewer, "admin");
  const [rows, total] = await Promise.all([
    db.webhookEndpoint.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ADMIN_ENDPOINTS_PAGE_SIZE,
      take: ADMIN_ENDPOINTS_PAGE_SIZE,
      select: { ...ENDPOINT_SELECT, disabledReason: true, client: { select: { name: true, kind: true } } },
    }),
    db.webhookEndpoint.count(),
  ]);
  return {
    items: rows.map((row) => ({
      ...endpointView(row),
      disabledReason: row.disabledReason,
      clientName: row.client.name,
    })),
    page,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_ENDPOINTS_PAGE_SIZE)),
  };
}

/** Console: one endpoint and a page of its deliveries. Admins only; null when there is no such endpoint. */
export async function findEndpointForConsole(
  viewer: Viewer,
  endpointId: string,
  page: { cursor?: string; limit: number },
) {
  assertArea(viewer, "admin");
  if (!/^[0-9a-f-]{36}$/i.test(endpointId)) return null;
  const row = await db.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: { ...ENDPOINT_SELECT, disabledReason: true, client: { select: { name: true } } },
  });
  if (!row) return null;
  return {
    endpoint: { ...endpointView(row), disabledReason: row.disabledReason, clientName: row.client.name },
    deliveries: await listEndpointDeliveries(endpointId, page),
  };
}
