import "server-only";
import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { likeLiteral } from "@/lib/audit/schema";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { STAFF_PAGE_SIZE, type StaffListQuery } from "./schema";

const STAFF_WHERE = { role: { in: [...STAFF_ROLES] } } satisfies Prisma.UserWhereInput;

/** Staff accounts, one page at a time, filtered by role, status and a name or email fragment. Admins only. */
export async function listStaff(viewer: Viewer, query: StaffListQuery) {
  assertArea(viewer, "admin");
  const where: Prisma.UserWhereInput = {
    ...STAFF_WHERE,
    ...(query.role ? { role: query.role } : {}),
    ...(query.status === "all" ? {} : { active: query.status === "active" }),
    ...(query.q
      ? {
          OR: [
            { email: { contains: likeLiteral(query.q), mode: "insensitive" } },
            { displayName: { contains: likeLiteral(query.q), mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [items, total] = await Promise.all([
    db.user.findMany({
      where,
      // The id breaks ties so that pages never overlap or skip an account.
      orderBy: [{ active: "desc" }, { displayName: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * STAFF_PAGE_SIZE,
      take: STAFF_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        displayName: true,
        role: true,
        active: true,
        createdAt: true,
        _count: { select: { assignedCases: { where: { closedAt: null } } } },
      },
    }),
    db.user.count({ where }),
  ]);
  return {
    items: items.map(({ _count, ...user }) => ({ ...user, openCases: _count.assignedCases })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)),
  };
}

/** One staff account with the services they handle, or null (applicants are not staff: null too). */
export async function findStaffMember(viewer: Viewer, userId: string) {
  assertArea(viewer, "admin");
  if (!z.uuid().safeParse(userId).success) return null;
  return db.user.findFirst({
    where: { id: userId, ...STAFF_WHERE },
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      active: true,
      locale: true,
      createdAt: true,
      updatedAt: true,
      handledServices: { select: { serviceId: true } },
      _count: { select: { assignedCases: { where: { closedAt: null } } } },
    },
  });
}

export type StaffMember = NonNullable<Awaited<ReturnType<typeof findStaffMember>>>;

/** Services a reviewer can be put on: the active ones, plus any inactive one they still have. */
export async function listAssignableServices(viewer: Viewer, userId?: string) {
  assertArea(viewer, "admin");
  const holder = userId && z.uuid().safeParse(userId).success ? userId : null;
  return db.serviceType.findMany({
    where: { OR: [{ active: true }, ...(holder ? [{ staff: { some: { userId: holder } } }] : [])] },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, nameZh: true, nameEn: true, active: true },
  });
}
