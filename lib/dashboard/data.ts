import "server-only";
import { cache } from "react";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { QUEUE_NODES } from "@/lib/console/queue-schema";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { NotAuthorizedError } from "@/lib/errors";
import { RefundCause, type UrgencyTier, type WorkflowNode } from "@/lib/generated/prisma/enums";
import {
  APPLICANT_NODE,
  exportPageSql,
  firstResponseSql,
  followUpSql,
  hourlyVolumeSql,
  nodeStatsSql,
  onTimeByServiceSql,
  openCountsSql,
  ratingsSql,
  refundsByCauseSql,
  type ExportCursor,
} from "./dashboard-sql";
import { canViewDashboard, scopeOf, type DashboardFilters } from "./schema";

// One function per metric. Each checks the viewer itself (supervisors and admins only), whatever
// the page already checked, and lets Postgres aggregate: what comes back is a few rows at most.

function assertDashboardViewer(viewer: Viewer | null | undefined): asserts viewer is Viewer {
  assertArea(viewer, "console");
  if (!canViewDashboard(viewer.role)) throw new NotAuthorizedError();
}

/** The zone the dashboard's days and hours are read in: the rota's, where the office works. */
export function dashboardTimeZone(): string {
  return serverEnv().ROTA_TIME_ZONE;
}

const scope = (filters: DashboardFilters) => scopeOf(filters, dashboardTimeZone());
const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The nodes in workflow order, each with its row (or `empty` when the query had none). */
function perNode<T extends { node: WorkflowNode }, E>(
  rows: T[],
  empty: (node: WorkflowNode) => E,
): (T | E)[] {
  const byNode = new Map(rows.map((row) => [row.node, row]));
  return QUEUE_NODES.map((node) => byNode.get(node) ?? empty(node));
}

/** Open cases per node right now (live; the date range does not apply, the service does). */
export async function getOpenCountsByNode(viewer: Viewer, filters: DashboardFilters) {
  assertDashboardViewer(viewer);
  const rows = await db.$queryRaw<{ node: WorkflowNode; count: number }[]>(openCountsSql(scope(filters)));
  return perNode(rows, (node) => ({ node, count: 0 }));
}

type NodeStats = {
  node: WorkflowNode;
  visits: number;
  measured: number;
  onTime: number;
  averageMinutes: number | null;
  p90Minutes: number | null;
};

// The on-time rate and the times per node come from one query (nodeStatsSql); within one request
// the page's two calls share it. Keyed by primitives: cache() compares arguments by identity.
const loadNodeStats = cache(async (from: string, to: string, service: string, timeZone: string) => {
  const rows = await db.$queryRaw<NodeStats[]>(
    nodeStatsSql(scopeOf({ from, to, service: service || undefined, limited: false }, timeZone)),
  );
  return perNode<NodeStats, NodeStats>(rows, (node) => ({
    node,
    visits: 0,
    measured: 0,
    onTime: 0,
    averageMinutes: null,
    p90Minutes: null,
  }));
});
const nodeStats = (filters: DashboardFilters) =>
  loadNodeStats(filters.from, filters.to, filters.service ?? "", dashboardTimeZone());

/** Per node: visits that ended and had a due time, how many ended on time, and the rate (null: none measured). */
export async function getOnTimeByNode(viewer: Viewer, filters: DashboardFilters) {
  assertDashboardViewer(viewer);
  return (await nodeStats(filters)).map(({ node, measured, onTime }) => ({
    node,
    measured,
    onTime,
    rate: rate(onTime, measured),
  }));
}

/** Per service (with any measured visit): the on-time rate of its staff nodes. */
export async function getOnTimeByService(viewer: Viewer, filters: DashboardFilters) {
  assertDashboardViewer(viewer);
  const rows = await db.$queryRaw<
    { serviceId: string; nameZh: string; nameEn: string; measured: number; onTime: number }[]
  >(onTimeByServiceSql(scope(filters)));
  return rows.map((row) => ({ ...row, rate: rate(row.onTime, row.measured) }));
}

export type NodeTime = {
  node: WorkflowNode;
  visits: number;
  averageMinutes: number | null;
  p90Minutes: number | null;
};

/**
 * Average and 90th-percentile time per node, and the bottleneck: the staff node with the longest
 * average (waiting for the applicant is the applicant's time, so it is never the bottleneck).
 */
export async function getTimePerNode(
  viewer: Viewer,
  filters: DashboardFilters,
): Promise<{ nodes: NodeTime[]; bottleneck: WorkflowNode | null }> {
  assertDashboardViewer(viewer);
  const nodes = (await nodeStats(filters)).map(({ node, visits, averageMinutes, p90Minutes }): NodeTime => ({
    node,
    visits,
    averageMinutes,
    p90Minutes,
  }));
  let bottleneck: NodeTime | null = null;
  for (const row of nodes) {
    if (row.node === APPLICANT_NODE || row.averageMinutes === null) continue;
    if (!bottleneck || row.averageMinutes > bottleneck.averageMinutes!) bottleneck = row;
  }
  return { nodes, bottleneck: bottleneck?.node ?? null };
}

export type FirstResponse = {
  cases: number;
  responded: number;
  /** Still open and nobody on the staff has acted yet. */
  waiting: number;
  averageMinutes: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
};

/** Submission → first staff action on the case. */
export async function getFirstResponse(viewer: Viewer, filters: DashboardFilters): Promise<FirstResponse> {
  assertDashboardViewer(viewer);
  const [row] = await db.$queryRaw<FirstResponse[]>(firstResponseSql(scope(filters)));
  return row!;
}

/** Submissions per hour of day (0–23, in the rota time zone) and per half: day 08–20, night 20–08. */
export async function getHourlyVolume(viewer: Viewer, filters: DashboardFilters) {
  assertDashboardViewer(viewer);
  const rows = await db.$queryRaw<{ hour: number | null; daytime: boolean | null; count: number }[]>(
    hourlyVolumeSql(scope(filters)),
  );
  const hours = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    count: rows.find((row) => row.hour === hour)?.count ?? 0,
  }));
  const half = (daytime: boolean) =>
    rows.find((row) => row.hour === null && row.daytime === daytime)?.count ?? 0;
  return { hours, day: half(true), night: half(false) };
}

/** Share of the cases whose applicant asked staff to hurry (催办) at least once. */
export async function getFollowUpRate(viewer: Viewer, filters: DashboardFilters) {
  assertDashboardViewer(viewer);
  const [row] = await db.$queryRaw<{ cases: number; withFollowUp: number; followUps: number }[]>(
    followUpSql(scope(filters)),
  );
  return { ...row!, rate: rate(row!.withFollowUp, row!.cases) };
}

/** The applicants' ratings (1–5): how many, the average, and how many of each. */
export async function getRatings(viewer: Viewer, filters: DashboardFilters) {
  assertDashboardViewer(viewer);
  const rows = await db.$queryRaw<{ rating: number | null; count: number; average: number | null }[]>(
    ratingsSql(scope(filters)),
  );
  const total = rows.find((row) => row.rating === null);
  return {
    count: total?.count ?? 0,
    average: total?.average ?? null,
    distribution: [1, 2, 3, 4, 5].map((rating) => ({
      rating,
      count: rows.find((row) => row.rating === rating)?.count ?? 0,
    })),
  };
}

export type RefundsByCause = {
  cause: RefundCause;
  currency: string;
  count: number;
  amountMinor: number;
  pending: number;
};

/** Refunds of the cases in scope, per cause (every cause listed, in the table's order). */
export async function getRefundsByCause(
  viewer: Viewer,
  filters: DashboardFilters,
): Promise<RefundsByCause[]> {
  assertDashboardViewer(viewer);
  const rows = await db.$queryRaw<RefundsByCause[]>(refundsByCauseSql(scope(filters)));
  return Object.values(RefundCause).flatMap((cause) => {
    const found = rows.filter((row) => row.cause === cause);
    return found.length > 0 ? found : [{ cause, currency: "CNY", count: 0, amountMinor: 0, pending: 0 }];
  });
}

/** Every service, for the filter (closed ones too: their past cases are still in range). */
export async function listDashboardServices(viewer: Viewer) {
  assertDashboardViewer(viewer);
  return db.serviceType.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, nameZh: true, nameEn: true },
  });
}

export type ExportRow = {
  id: string;
  number: string;
  serviceZh: string;
  serviceEn: string;
  tier: UrgencyTier;
  submittedAt: Date;
  closedAt: Date | null;
  currentNode: WorkflowNode;
  rating: number | null;
  firstResponseMinutes: number | null;
  followUps: number;
};

/** One page of per-case rows for the CSV, after `cursor` (keyset, so memory stays flat however many). */
export async function listExportPage(
  viewer: Viewer,
  filters: DashboardFilters,
  cursor: ExportCursor | null,
  limit: number,
) {
  assertDashboardViewer(viewer);
  const rows = await db.$queryRaw<ExportRow[]>(exportPageSql(scope(filters), cursor, limit));
  const last = rows.at(-1);
  return {
    rows,
    next: rows.length === limit && last ? { submittedAt: last.submittedAt, id: last.id } : null,
  };
}
