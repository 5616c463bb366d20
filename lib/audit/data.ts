import "server-only";
import { z } from "zod";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  AUDIT_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  likeLiteral,
  zonedDayStart,
  type AuditQuery,
} from "./schema";

/** An entity id as typed: an application number (any spelling) stands for that application's id. */
async function resolveEntityId(raw: string): Promise<string> {
  const number = validateApplicationNumber(raw);
  if (!number.ok) return raw;
  const application = await db.application.findUnique({
    where: { number: number.number },
    select: { id: true },
  });
  return application?.id ?? raw;
}

async function whereFor(query: AuditQuery, timeZone: string): Promise<Prisma.AuditLogWhereInput> {
  const from = query.from ? zonedDayStart(query.from, timeZone) : null;
  const to = query.to ? zonedDayStart(query.to, timeZone, 1) : null;
  return {
    ...(query.action ? { action: { startsWith: likeLiteral(query.action) } } : {}),
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.entityId ? { entityId: await resolveEntityId(query.entityId) } : {}),
    ...(query.actor
      ? {
          actor: {
            is: {
              OR: [
                { email: { contains: likeLiteral(query.actor), mode: "insensitive" } },
                { displayName: { contains: likeLiteral(query.actor), mode: "insensitive" } },
              ],
            },
          },
        }
      : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

/**
 * One page of the audit log, newest first, 50 rows, by keyset (`before` = older than that row,
 * `after` = newer): an offset would drift as new rows arrive and grow slower page by page.
 * Admins only. Rows about applications carry the application number for display.
 */
export async function listAuditEntries(viewer: Viewer, query: AuditQuery, timeZone: string) {
  assertArea(viewer, "admin");
  const where = await whereFor(query, timeZone);
  const after = decodeCursor(query.after);
  const before = after ? null : decodeCursor(query.before);
  const cursor = after ?? before;
  const keyset: Prisma.AuditLogWhereInput = cursor
    ? after
      ? {
          OR: [
            { createdAt: { gt: cursor.createdAt } },
            { createdAt: cursor.createdAt, id: { gt: cursor.id } },
          ],
        }
      : {
          OR: [
            { createdAt: { lt: cursor.createdAt } },
            { createdAt: cursor.createdAt, id: { lt: cursor.id } },
          ],
        }
    : {};
  const direction = after ? "asc" : "desc";
  const rows = await db.auditLog.findMany({
    where: { AND: [where, keyset] },
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      details: true,
      actor: { select: { displayName: true, email: true } },
    },
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  if (after) page.reverse();

  const applicationIds = [
    ...new Set(
      page.filter((row) => row.entityType === "application" && row.entityId).map((row) => row.entityId!),
    ),
  ].filter((id) => z.uuid().safeParse(id).success);
  const numbers = new Map(
    (
      await db.application.findMany({
        where: { id: { in: applicationIds } },
        select: { id: true, number: true },
      })
    ).map((row) => [row.id, row.number]),
  );
  const first = page[0];
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...row,
      id: String(row.id),
      applicationNumber: row.entityId ? (numbers.get(row.entityId) ?? null) : null,
    })),
    // Newer rows exist when we came from an older page, or fetched more than a page going newer.
    newerCursor: first && (before || (after && more)) ? encodeCursor(first) : null,
    olderCursor: last && (after || more) ? encodeCursor(last) : null,
  };
}

export type AuditEntry = Awaited<ReturnType<typeof listAuditEntries>>["items"][number];
