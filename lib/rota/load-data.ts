import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { serverEnv } from "@/lib/env";
import { assertRotaEditor, canEditRota } from "./access";
import { findOnDutyStaff } from "./on-duty-data";
import { MAX_REBALANCE_CASES } from "./rebalance-schema";

export type OverloadedPerson = {
  userId: string;
  displayName: string;
  serviceId: string;
  nameZh: string;
  nameEn: string;
  openCases: number;
  threshold: number;
};

/**
 * People whose open cases of one service are more than its threshold, most loaded first, counted
 * now (not from the warnings sent): for supervisors and administrators; [] for reviewers.
 */
export async function listOverloadedStaff(viewer: Viewer): Promise<OverloadedPerson[]> {
  assertArea(viewer, "console");
  if (!canEditRota(viewer.role)) return [];
  return db.$queryRaw<OverloadedPerson[]>`
    SELECT u.id::text AS "userId", u.display_name AS "displayName", s.id::text AS "serviceId",
           s.name_zh AS "nameZh", s.name_en AS "nameEn", count(*)::int AS "openCases",
           s.load_threshold AS threshold
      FROM application a
      JOIN service_type s ON s.id = a.service_id
      JOIN "user" u ON u.id = a.assignee_id
     WHERE a.closed_at IS NULL AND s.load_threshold IS NOT NULL
     GROUP BY u.id, s.id
    HAVING count(*) > s.load_threshold
     ORDER BY count(*) DESC, u.id, s.id
     LIMIT 50`;
}

/** Staff holding open cases, most loaded first: whose cases a supervisor may rebalance. */
export async function listLoadedStaff(viewer: Viewer) {
  assertRotaEditor(viewer);
  return db.$queryRaw<{ id: string; displayName: string; openCases: number }[]>`
    SELECT u.id::text, u.display_name AS "displayName", count(*)::int AS "openCases"
      FROM application a JOIN "user" u ON u.id = a.assignee_id
     WHERE a.closed_at IS NULL
     GROUP BY u.id
     ORDER BY count(*) DESC, u.id
     LIMIT 100`;
}

/** One staff member with their open load, or null (not staff, or not a uuid). */
export async function findStaffLoad(viewer: Viewer, userId: string) {
  assertRotaEditor(viewer);
  if (!z.uuid().safeParse(userId).success) return null;
  const user = await db.user.findFirst({
    where: { id: userId, role: { in: ["REVIEWER", "SUPERVISOR", "ADMIN"] } },
    select: {
      id: true,
      displayName: true,
      _count: { select: { assignedCases: { where: { closedAt: null } } } },
    },
  });
  return user ? { id: user.id, displayName: user.displayName, openCases: user._count.assignedCases } : null;
}

/** One person's open cases (most urgent first), for the rebalance form. */
export async function listOpenCasesOf(viewer: Viewer, userId: string) {
  assertRotaEditor(viewer);
  return db.application.findMany({
    where: { assigneeId: userId, closedAt: null },
    orderBy: [{ tier: "desc" }, { triageScore: "desc" }, { nodeDueAt: "asc" }, { id: "asc" }],
    take: MAX_REBALANCE_CASES,
    select: {
      id: true,
      number: true,
      currentNode: true,
      service: { select: { nameZh: true, nameEn: true } },
    },
  });
}

/** Who can take cases now: reviewers and supervisors on duty, least-loaded first. */
export async function listOnDutyTargets(viewer: Viewer, now = new Date()) {
  assertRotaEditor(viewer);
  const timeZone = serverEnv().ROTA_TIME_ZONE;
  const [reviewers, supervisors] = await Promise.all([
    findOnDutyStaff(db, { now, role: "REVIEWER", timeZone }),
    findOnDutyStaff(db, { now, role: "SUPERVISOR", timeZone }),
  ]);
  return [...reviewers, ...supervisors].sort((a, b) => a.openCases - b.openCases || a.id.localeCompare(b.id));
}
