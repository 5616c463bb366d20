import "server-only";
import { z } from "zod";
import { formatApplicationNumber, validateApplicationNumber } from "@/lib/applications/application-number";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  AUDIT_PAGE_SIZE,
  AUDIT_PEOPLE_LIMIT,
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
    ...(query.actorId === "system" ? { actorId: null } : query.actorId ? { actorId: query.actorId } : {}),
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
      actorId: true,
      actor: { select: { displayName: true, email: true } },
    },
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  if (after) page.reverse();

  const { people, cases, services } = await namesFor(page);
  const first = page[0];
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...row,
      id: String(row.id),
      applicationNumber: row.entityId ? (cases.get(row.entityId) ?? null) : null,
      service: row.entityType === "service" && row.entityId ? (services.get(row.entityId) ?? null) : null,
    })),
    /** Everyone the page mentions (actors, and user ids inside details), for names and links. */
    people,
    /** Application numbers by id, for case links in the details. */
    cases,
    // Newer rows exist when we came from an older page, or fetched more than a page going newer.
    newerCursor: first && (before || (after && more)) ? encodeCursor(first) : null,
    olderCursor: last && (after || more) ? encodeCursor(last) : null,
  };
}

/** Every UUID in a row's details (bounded: one page of rows, a few levels deep). */
function uuidsIn(value: unknown, depth = 0, found = new Set<string>()): Set<string> {
  if (depth > 3 || value === null || value === undefined) return found;
  if (typeof value === "string") {
    if (z.uuid().safeParse(value).success) found.add(value);
  } else if (Array.isArray(value)) value.forEach((item) => uuidsIn(item, depth + 1, found));
  else if (typeof value === "object") Object.values(value).forEach((item) => uuidsIn(item, depth + 1, found));
  return found;
}

type Row = { actorId: string | null; entityType: string; entityId: string | null; details: unknown };

/** The people, cases and services a page of rows mentions, each found by one query. */
async function namesFor(page: Row[]) {
  const ids = new Set<string>();
  for (const row of page) {
    if (row.actorId) ids.add(row.actorId);
    if (row.entityId && z.uuid().safeParse(row.entityId).success) ids.add(row.entityId);
    uuidsIn(row.details, 0, ids);
  }
  const wanted = [...ids];
  const serviceIds = page
    .filter((row) => row.entityType === "service" && row.entityId && ids.has(row.entityId))
    .map((row) => row.entityId!);
  const [users, applications, serviceRows] = await Promise.all([
    wanted.length
      ? db.user.findMany({
          where: { id: { in: wanted } },
          select: { id: true, displayName: true, role: true },
        })
      : [],
    wanted.length
      ? db.application.findMany({ where: { id: { in: wanted } }, select: { id: true, number: true } })
      : [],
    serviceIds.length
      ? db.serviceType.findMany({
          where: { id: { in: serviceIds } },
          select: { id: true, nameZh: true, nameEn: true },
        })
      : [],
  ]);
  return {
    // Staff have an admin page; an applicant is named only (their details live with their cases).
    people: new Map(
      users.map((user) => [
        user.id,
        {
          name: user.displayName,
          role: user.role,
          href: user.role === "APPLICANT" ? null : `/console/admin/staff/${user.id}`,
        },
      ]),
    ),
    cases: new Map(applications.map((row) => [row.id, row.number])),
    services: new Map(serviceRows.map((row) => [row.id, { nameZh: row.nameZh, nameEn: row.nameEn }])),
  };
}

/**
 * The people the "who" filter offers by name: staff (and admins), active first, bounded; applicants
 * are found by the name/email search instead (there can be any number of them).
 */
export async function listAuditPeople(viewer: Viewer) {
  assertArea(viewer, "admin");
  const rows = await db.user.findMany({
    where: { role: { not: "APPLICANT" } },
    orderBy: [{ active: "desc" }, { displayName: "asc" }, { id: "asc" }],
    take: AUDIT_PEOPLE_LIMIT + 1,
    select: { id: true, displayName: true, role: true, active: true },
  });
  return { people: rows.slice(0, AUDIT_PEOPLE_LIMIT), more: rows.length > AUDIT_PEOPLE_LIMIT };
}

export type AuditPage = Awaited<ReturnType<typeof listAuditEntries>>;
export type AuditEntry = AuditPage["items"][number];
export type AuditPeople = Awaited<ReturnType<typeof listAuditPeople>>;

/** What "only entries about this" points at, by name: a case number, a person, a service. Null: not found. */
export async function findAuditSubject(viewer: Viewer, query: AuditQuery, locale: string) {
  assertArea(viewer, "admin");
  if (!query.entityId || !z.uuid().safeParse(query.entityId).success) return null;
  const { people, cases, services } = await namesFor([
    { actorId: null, entityType: query.entityType || "service", entityId: query.entityId, details: null },
  ]);
  const number = cases.get(query.entityId);
  if (number) return { text: formatApplicationNumber(number) };
  const person = people.get(query.entityId);
  if (person) return { text: person.name };
  const service = services.get(query.entityId);
  if (service) return { text: locale === "zh" ? service.nameZh : service.nameEn };
  return null;
}
export type AuditSubject = NonNullable<Awaited<ReturnType<typeof findAuditSubject>>>;
