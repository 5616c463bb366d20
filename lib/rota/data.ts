import "server-only";
import { z } from "zod";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertRotaEditor, canEditRota, ON_DUTY_ROLES } from "./access";
import { findOnDutyStaff } from "./on-duty-data";

const SHIFT_SELECT = {
  id: true,
  name: true,
  weekday: true,
  startMinute: true,
  endMinute: true,
  members: {
    orderBy: { user: { displayName: "asc" } },
    select: { user: { select: { id: true, displayName: true, role: true, active: true } } },
  },
} satisfies Prisma.ShiftSelect;

/** The zone the rota's times are in (shown beside every time on the rota pages). */
export function rotaTimeZone(): string {
  return serverEnv().ROTA_TIME_ZONE;
}

/**
 * The week's shifts in order (weekday, start). Editors see all of them; a reviewer sees only the
 * shifts they are on. At most 7 × 24 shifts make sense, so 500 is a guard, not a page.
 */
export async function listShifts(viewer: Viewer) {
  assertArea(viewer, "console");
  const rows = await db.shift.findMany({
    where: canEditRota(viewer.role) ? {} : { members: { some: { userId: viewer.id } } },
    orderBy: [{ weekday: "asc" }, { startMinute: "asc" }, { id: "asc" }],
    take: 500,
    select: SHIFT_SELECT,
  });
  return rows.map(({ members, ...shift }) => ({ ...shift, members: members.map((member) => member.user) }));
}

export type RotaShift = Awaited<ReturnType<typeof listShifts>>[number];

/** One shift for its edit page (editors only), or null. */
export async function findShift(viewer: Viewer, shiftId: string) {
  assertRotaEditor(viewer);
  if (!z.uuid().safeParse(shiftId).success) return null;
  const row = await db.shift.findUnique({ where: { id: shiftId }, select: SHIFT_SELECT });
  return row ? { ...row, members: row.members.map((member) => member.user) } : null;
}

/** Who can be put on a shift: active reviewers and supervisors, with the services each handles. */
export async function listShiftCandidates(viewer: Viewer) {
  assertRotaEditor(viewer);
  return db.user.findMany({
    where: { active: true, role: { in: [...ON_DUTY_ROLES] } },
    orderBy: [{ role: "asc" }, { displayName: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      displayName: true,
      role: true,
      handledServices: {
        orderBy: { service: { sortOrder: "asc" } },
        select: { service: { select: { id: true, nameZh: true, nameEn: true } } },
      },
    },
  });
}

export type ShiftCandidate = Awaited<ReturnType<typeof listShiftCandidates>>[number];

/** Reviewers and supervisors on duty at `now`, least-loaded first (any console viewer may look). */
export async function findOnDutyNow(viewer: Viewer, now = new Date()) {
  assertArea(viewer, "console");
  const [reviewers, supervisors] = await Promise.all([
    findOnDutyStaff(db, { now, role: "REVIEWER" }),
    findOnDutyStaff(db, { now, role: "SUPERVISOR" }),
  ]);
  return { reviewers, supervisors };
}
