import "server-only";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { sharedValue } from "@/lib/cache/shared-value";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, UrgencyTier, WorkflowNode } from "@/lib/generated/prisma/enums";
import { maskPersonName } from "@/lib/identity/mask-name";
import { overdueSql } from "./overdue-sql";
import { QUEUE_PAGE_SIZE, containsPattern, type QueueFilters } from "./queue-schema";

/**
 * The queue's order, column for column the order of the partial indexes on application
 * (… tier DESC, triage_score DESC, node_due_at, needed_by, id) WHERE closed_at IS NULL. With exactly this ORDER BY
 * and that WHERE, Postgres reads a page straight off an index and stops after it, instead of
 * sorting every open case; lib/console/queue-plan.test.ts and bench/queue-explain.ts check it.
 * The id makes the order total, so pages never overlap or skip a case.
 */
const ORDER_COLUMNS = [
  "tier DESC",
  "triage_score DESC",
  "node_due_at ASC NULLS LAST",
  "needed_by ASC",
  "id ASC",
];
const orderBy = (alias?: string) =>
  Prisma.raw(ORDER_COLUMNS.map((column) => (alias ? `${alias}.${column}` : column)).join(", "));

export type QueueRow = {
  id: string;
  number: string;
  tier: UrgencyTier;
  status: ApplicationStatus;
  currentNode: WorkflowNode;
  /** Masked: see listQueue. */
  applicantName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  serviceNameZh: string;
  serviceNameEn: string;
  nodeDueAt: Date | null;
  neededBy: Date;
  closedAt: Date | null;
  /** The overdue watch found the needed-by date can no longer be met: a supervisor decides. */
  deadlineRiskAt: Date | null;
  /** Nobody was on duty when the case arrived or came back (lib/rota). */
  unstaffedAt: Date | null;
  /** The open supplement's due time passed unanswered: staff must decide (decision 034). */
  supplementLapsedAt: Date | null;
  /** Filed at night with "start next morning": nobody works on it before then (decision 035). */
  scheduledStartAt: Date | null;
};

function queueWhere(viewer: Viewer, filters: QueueFilters, now: Date): Prisma.Sql {
  // A typed number finds that one case, open or closed, whatever else is filtered (unique index).
  if (filters.search?.kind === "number") return Prisma.sql`number = ${filters.search.number}`;
  // Spelled exactly as the indexes' predicate, so the planner can prove they apply.
  const conditions = [Prisma.sql`closed_at IS NULL`];
  if (filters.node) conditions.push(Prisma.sql`current_node = ${filters.node}::workflow_node`);
  if (filters.service) conditions.push(Prisma.sql`service_id = ${filters.service}::uuid`);
  if (filters.tier) conditions.push(Prisma.sql`tier = ${filters.tier}::urgency_tier`);
  const assignee = filters.assignee;
  if (assignee?.kind === "me") conditions.push(Prisma.sql`assignee_id = ${viewer.id}::uuid`);
  if (assignee?.kind === "user") conditions.push(Prisma.sql`assignee_id = ${assignee.id}::uuid`);
  if (assignee?.kind === "none") conditions.push(Prisma.sql`assignee_id IS NULL`);
  if (filters.overdue) conditions.push(overdueSql(now));
  if (filters.search?.kind === "name")
    conditions.push(Prisma.sql`applicant_name ILIKE ${containsPattern(filters.search.text)}`);
  return Prisma.join(conditions, " AND ");
}

/**
 * One page of the queue. The page is cut from application alone (the indexed scan) and only its
 * rows are joined to service and assignee, so the joins can never change the plan of the scan.
 * Exported for the plan test and the benchmark, which EXPLAIN exactly what the app runs.
 */
export function queuePageSql(viewer: Viewer, filters: QueueFilters, now: Date): Prisma.Sql {
  // Inlined, not bound: both are integers computed here, and a literal LIMIT lets every plan
  // (also a cached generic one) count on stopping early.
  const offset = Math.max(0, Math.trunc(filters.page - 1)) * QUEUE_PAGE_SIZE;
  return Prisma.sql`
    SELECT q.id, q.number, q.tier, q.status, q.current_node AS "currentNode", q.applicant_name AS "applicantName",
           q.assignee_id AS "assigneeId", u.display_name AS "assigneeName",
           s.name_zh AS "serviceNameZh", s.name_en AS "serviceNameEn",
           q.node_due_at AS "nodeDueAt", q.needed_by AS "neededBy", q.closed_at AS "closedAt",
           q.deadline_risk_at AS "deadlineRiskAt", q.unstaffed_at AS "unstaffedAt",
           q.supplement_lapsed_at AS "supplementLapsedAt",
           q.scheduled_start_at AS "scheduledStartAt"
      FROM (SELECT id, number, tier, triage_score, status, current_node, applicant_name, assignee_id, service_id, node_due_at, needed_by, closed_at,
                   deadline_risk_at, unstaffed_at, supplement_lapsed_at, scheduled_start_at
              FROM application
             WHERE ${queueWhere(viewer, filters, now)}
             ORDER BY ${orderBy()}
             LIMIT ${Prisma.raw(String(QUEUE_PAGE_SIZE))} OFFSET ${Prisma.raw(String(offset))}) q
      JOIN service_type s ON s.id = q.service_id
      LEFT JOIN "user" u ON u.id = q.assignee_id
     ORDER BY ${orderBy("q")}`;
}

export function queueCountSql(viewer: Viewer, filters: QueueFilters, now: Date): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS total FROM application WHERE ${queueWhere(viewer, filters, now)}`;
}

/** Open cases per node: an index-only GROUP BY over the partial index on current_node. */
export const OPEN_COUNTS_BY_NODE_SQL = Prisma.sql`
  SELECT current_node AS node, count(*)::int AS count FROM application WHERE closed_at IS NULL GROUP BY current_node`;

/**
 * Every queue view of every reviewer shows these counts, and they read every open case (4.5 ms at
 * 100 000 cases, ten times that at a million): one read serves all views for a few seconds. The
 * rows of the queue itself are always read fresh.
 */
export const OPEN_COUNTS_SHARED_MS = 5000;
export const openCountsByNode = sharedValue(OPEN_COUNTS_SHARED_MS, () =>
  db.$queryRaw<{ node: WorkflowNode; count: number }[]>(OPEN_COUNTS_BY_NODE_SQL),
);

function isUnfiltered(filters: QueueFilters) {
  return (
    !filters.node &&
    !filters.service &&
    !filters.tier &&
    !filters.assignee &&
    !filters.overdue &&
    !filters.search
  );
}

/**
 * The review queue for staff: open cases, most urgent first, filtered and one page at a time.
 * Applicant names come masked: the list shows many people's names at once on screens that are
 * shared and overlooked, and a masked name plus the number is enough to pick a row. The full
 * name is one click away in the case workspace, and searching still matches the full name.
 */
export async function listQueue(viewer: Viewer, filters: QueueFilters, now = new Date()) {
  assertArea(viewer, "console");
  const [rows, total] = await Promise.all([
    db.$queryRaw<QueueRow[]>(queuePageSql(viewer, filters, now)),
    // Unfiltered, the total is every open case: the sum of the shared per-node counts.
    isUnfiltered(filters)
      ? openCountsByNode.get().then((counts) => counts.reduce((sum, row) => sum + row.count, 0))
      : db
          .$queryRaw<{ total: number }[]>(queueCountSql(viewer, filters, now))
          .then((counted) => counted[0]?.total ?? 0),
  ]);
  return {
    items: rows.map((row) => ({ ...row, applicantName: maskPersonName(row.applicantName) })),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
  };
}

export type QueuePage = Awaited<ReturnType<typeof listQueue>>;

/** Open cases (closed_at IS NULL) per workflow node, up to a few seconds old; nodes without any are left out. Staff only. */
export async function countOpenCasesByNode(viewer: Viewer): Promise<{ node: WorkflowNode; count: number }[]> {
  assertArea(viewer, "console");
  return openCountsByNode.get();
}

// Enough for any real team; the bound only keeps a broken import from flooding the select.
const STAFF_OPTIONS_LIMIT = 500;

/** What the filter selects offer: every service (closed ones may still have open cases) and case staff. */
export async function listQueueFilterOptions(viewer: Viewer) {
  assertArea(viewer, "console");
  const [services, staff] = await Promise.all([
    db.serviceType.findMany({
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, nameZh: true, nameEn: true },
    }),
    // Administrators run the system, not cases (lib/workflow/transitions.ts), so they are not assignees.
    db.user.findMany({
      where: { role: { in: ["REVIEWER", "SUPERVISOR"] }, active: true },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      take: STAFF_OPTIONS_LIMIT,
      select: { id: true, displayName: true },
    }),
  ]);
  return { services, staff };
}
