import "server-only";
import { empty, join, raw, sql, type Sql } from "@/lib/sql";
import type { TimelineAction } from "@/lib/generated/prisma/enums";
import { TRANSITIONS } from "@/lib/workflow/transitions";
import { DAY_END_HOUR, DAY_START_HOUR, type DashboardScope } from "./schema";

// The SQL behind each dashboard metric, exported so that bench/dashboard-bench.ts times and
// EXPLAINs exactly what the app sends. Everything is aggregated by Postgres; only a handful of
// result rows (per node, per service, per hour) ever reach JavaScript.

/** The events that move a case into a node (submission and every transition): each opens a node visit. */
export const NODE_ENTRY_ACTIONS: readonly TimelineAction[] = [
  "SUBMITTED",
  ...new Set(TRANSITIONS.map((rule) => rule.action)),
];

/** The applicant's own time: left out of the staff on-time rate per service and of the bottleneck. */
export const APPLICANT_NODE = "AWAITING_SUPPLEMENT";

/** Cases submitted in the range (and of the service): read off the (submitted_at, service_id) index. */
function casesIn(scope: DashboardScope): Sql {
  const service = scope.serviceId ? sql` AND a.service_id = ${scope.serviceId}::uuid` : empty;
  return sql`a.submitted_at >= ${scope.start} AND a.submitted_at < ${scope.end}${service}`;
}

/**
 * One row per node visit of the cases in scope: entered by an event, left by the next node-entry
 * event of the same case (lead() over the case's events in time order). A visit still open has no
 * left_at; due_at is the due time recorded when the case entered the node (null: no target).
 */
function visits(scope: DashboardScope): Sql {
  const actions = join(NODE_ENTRY_ACTIONS.map((action) => sql`${action}::timeline_action`));
  return sql`
    SELECT a.service_id, e.node, e.due_at, e.occurred_at AS entered_at,
           lead(e.occurred_at) OVER (PARTITION BY e.application_id ORDER BY e.occurred_at, e.id) AS left_at
      FROM application a
      JOIN timeline_event e ON e.application_id = a.id
     WHERE ${casesIn(scope)} AND e.action IN (${actions})`;
}

/** Live: open cases per node now, whatever their submission date (of the service, if one is chosen). */
export function openCountsSql(scope: Pick<DashboardScope, "serviceId">): Sql {
  const service = scope.serviceId ? sql` AND service_id = ${scope.serviceId}::uuid` : empty;
  return sql`
    SELECT current_node AS node, count(*)::int AS count
      FROM application WHERE closed_at IS NULL${service}
     GROUP BY current_node`;
}

/**
 * Per node, over finished visits: how many, how many had a due time and how many of those left the
 * node at or before it, and their average and 90th-percentile length in minutes. One query for the
 * on-time rate and the times per node: both need the same window over the same events.
 */
export function nodeStatsSql(scope: DashboardScope): Sql {
  return sql`
    SELECT v.node, count(*)::int AS visits,
           count(*) FILTER (WHERE v.due_at IS NOT NULL)::int AS measured,
           count(*) FILTER (WHERE v.left_at <= v.due_at)::int AS "onTime",
           avg(v.minutes)::float8 AS "averageMinutes",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY v.minutes)::float8 AS "p90Minutes"
      FROM (SELECT node, due_at, left_at, extract(epoch FROM left_at - entered_at) / 60 AS minutes
              FROM (${visits(scope)}) w
             WHERE left_at IS NOT NULL) v
     GROUP BY v.node`;
}

/** Per service: the same over the staff's nodes (waiting for the applicant is not staff time). */
export function onTimeByServiceSql(scope: DashboardScope): Sql {
  return sql`
    SELECT s.id AS "serviceId", s.name_zh AS "nameZh", s.name_en AS "nameEn", t.measured, t."onTime"
      FROM (SELECT v.service_id, count(*)::int AS measured, count(*) FILTER (WHERE v.left_at <= v.due_at)::int AS "onTime"
              FROM (${visits(scope)}) v
             WHERE v.left_at IS NOT NULL AND v.due_at IS NOT NULL AND v.node <> ${APPLICANT_NODE}::workflow_node
             GROUP BY v.service_id) t
      JOIN service_type s ON s.id = t.service_id
     ORDER BY s.sort_order, s.code`;
}

/**
 * Submission to the first thing staff did on the case: its first event by someone other than the
 * applicant (events without an actor are the system's, not a response). One index probe per case
 * on timeline_event (application_id, occurred_at), stopping at the first staff event.
 */
export function firstResponseSql(scope: DashboardScope): Sql {
  return sql`
    SELECT count(*)::int AS cases, count(r.minutes)::int AS responded,
           count(*) FILTER (WHERE r.minutes IS NULL AND a.closed_at IS NULL)::int AS waiting,
           avg(r.minutes)::float8 AS "averageMinutes",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY r.minutes)::float8 AS "medianMinutes",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY r.minutes)::float8 AS "p90Minutes"
      FROM application a
      LEFT JOIN LATERAL (
        SELECT extract(epoch FROM e.occurred_at - a.submitted_at) / 60 AS minutes
          FROM timeline_event e
         WHERE e.application_id = a.id AND e.actor_id IS NOT NULL AND e.actor_id <> a.applicant_id
         ORDER BY e.occurred_at, e.id
         LIMIT 1) r ON true
     WHERE ${casesIn(scope)}`;
}

/**
 * Submissions per hour of the day in the rota's time zone, and per half (day / night), in one
 * pass: rows with an hour are the hours, rows with only "daytime" are the two halves.
 */
export function hourlyVolumeSql(scope: DashboardScope): Sql {
  return sql`
    SELECT h.hour, h.daytime, count(*)::int AS count
      FROM application a
      CROSS JOIN LATERAL (SELECT extract(hour FROM a.submitted_at AT TIME ZONE ${scope.timeZone})::int AS hour) z
      CROSS JOIN LATERAL (SELECT z.hour, z.hour >= ${raw(String(DAY_START_HOUR))} AND z.hour < ${raw(String(DAY_END_HOUR))} AS daytime) h
     WHERE ${casesIn(scope)}
     GROUP BY GROUPING SETS ((h.hour), (h.daytime))`;
}

/**
 * Cases, cases the applicant chased at least once (催办), and follow-ups in all. Follow-ups are
 * few, so counting them all per case and hash-joining beats probing the index once per case as
 * soon as the range is more than a few weeks (bench/README.md).
 */
export function followUpSql(scope: DashboardScope): Sql {
  return sql`
    SELECT count(*)::int AS cases, count(f.n)::int AS "withFollowUp", coalesce(sum(f.n), 0)::int AS "followUps"
      FROM application a
      LEFT JOIN (SELECT application_id, count(*) AS n FROM timeline_event WHERE action = 'FOLLOW_UP'::timeline_action GROUP BY application_id) f
        ON f.application_id = a.id
     WHERE ${casesIn(scope)}`;
}

/** Ratings (1–5) per value, and a total row (rating null) with the count and the average. */
export function ratingsSql(scope: DashboardScope): Sql {
  return sql`
    SELECT a.rating, count(*)::int AS count, avg(a.rating)::float8 AS average
      FROM application a
     WHERE ${casesIn(scope)} AND a.rating IS NOT NULL
     GROUP BY GROUPING SETS ((a.rating), ())`;
}

/** Where the previous export page ended (keyset: submitted_at, id). */
export type ExportCursor = { submittedAt: Date; id: string };

/** One page of per-case export rows, oldest submission first; the per-case numbers by index probes. */
export function exportPageSql(scope: DashboardScope, after: ExportCursor | null, limit: number): Sql {
  const keyset = after
    ? sql` AND a.submitted_at >= ${after.submittedAt} AND (a.submitted_at > ${after.submittedAt} OR a.id > ${after.id}::uuid)`
    : empty;
  return sql`
    SELECT a.id, a.number, s.name_zh AS "serviceZh", s.name_en AS "serviceEn", a.tier, a.submitted_at AS "submittedAt",
           a.closed_at AS "closedAt", a.current_node AS "currentNode", a.rating,
           (SELECT (extract(epoch FROM e.occurred_at - a.submitted_at) / 60)::float8
              FROM timeline_event e
             WHERE e.application_id = a.id AND e.actor_id IS NOT NULL AND e.actor_id <> a.applicant_id
             ORDER BY e.occurred_at, e.id LIMIT 1) AS "firstResponseMinutes",
           (SELECT count(*)::int FROM timeline_event e WHERE e.application_id = a.id AND e.action = 'FOLLOW_UP'::timeline_action) AS "followUps"
      FROM application a
      JOIN service_type s ON s.id = a.service_id
     WHERE ${casesIn(scope)}${keyset}
     ORDER BY a.submitted_at, a.id
     LIMIT ${raw(String(Math.max(1, Math.trunc(limit))))}`;
}

/** Refunds of the cases in scope per cause and currency: how many, how much, how many still pending. */
export function refundsByCauseSql(scope: DashboardScope): Sql {
  return sql`
    SELECT r.cause::text AS cause, r.currency, count(*)::int AS count,
           coalesce(sum(r.amount_minor), 0)::int AS "amountMinor",
           count(*) FILTER (WHERE r.status = 'PENDING')::int AS pending
      FROM application a
      JOIN refund r ON r.application_id = a.id
     WHERE ${casesIn(scope)}
     GROUP BY r.cause, r.currency
     ORDER BY r.cause, r.currency`;
}
