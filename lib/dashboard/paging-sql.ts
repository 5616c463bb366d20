import "server-only";
import { empty, sql, type Sql } from "@/lib/sql";
import type { DashboardScope } from "./schema";

// The paging section of the dashboard (decision 036), kept apart from dashboard-sql.ts.

/**
 * The rota shift (by name) that covers the instant `at` in the scope's zone, as a lateral subquery:
 * the same rule as lib/rota/shift-time.ts coversLocalTime (start included, end excluded; an end at
 * or before the start runs into the next day). Of overlapping shifts the earliest-starting one.
 */
function shiftAt(at: Sql, timeZone: string): Sql {
  return sql`
    LEFT JOIN LATERAL (
      SELECT s.name
        FROM shift s
        CROSS JOIN LATERAL (
          SELECT extract(isodow FROM ${at} AT TIME ZONE ${timeZone})::int AS dow,
                 (extract(hour FROM ${at} AT TIME ZONE ${timeZone}) * 60 + extract(minute FROM ${at} AT TIME ZONE ${timeZone}))::int AS m) l
       WHERE (s.end_minute > s.start_minute AND s.weekday = l.dow AND l.m >= s.start_minute AND l.m < s.end_minute)
          OR (s.end_minute <= s.start_minute AND s.weekday = l.dow AND l.m >= s.start_minute)
          OR (s.end_minute <= s.start_minute AND s.weekday % 7 + 1 = l.dow AND l.m < s.end_minute % 1440)
       ORDER BY s.weekday, s.start_minute, s.id
       LIMIT 1) sh ON true`;
}

/**
 * Per shift (the shift covering the moment that starts the clock; null: no shift covered it):
 * - "contact": cases submitted in range; first contact is the earlier of the first staff-authored
 *   history entry (what the first-response metric counts) and the first acknowledged page about the
 *   case, in minutes from submission;
 * - "ack": pages sent in range, minutes from the page to its acknowledgement.
 * A row without minutes was not contacted / not acknowledged (yet).
 */
export function pagingByShiftSql(scope: DashboardScope): Sql {
  const service = scope.serviceId ? sql` AND a.service_id = ${scope.serviceId}::uuid` : empty;
  return sql`
    WITH measured AS (
      SELECT 'contact' AS kind, a.submitted_at AS at,
             extract(epoch FROM least(fe.at, fa.at) - a.submitted_at) / 60 AS minutes
        FROM application a
        LEFT JOIN LATERAL (
          SELECT min(e.occurred_at) AS at FROM timeline_event e
           WHERE e.application_id = a.id AND e.actor_id IS NOT NULL AND e.actor_id <> a.applicant_id) fe ON true
        LEFT JOIN LATERAL (
          SELECT min(p.acknowledged_at) AS at FROM page p WHERE p.application_id = a.id) fa ON true
       WHERE a.submitted_at >= ${scope.start} AND a.submitted_at < ${scope.end}${service}
      UNION ALL
      SELECT 'ack', p.created_at, extract(epoch FROM p.acknowledged_at - p.created_at) / 60
        FROM page p JOIN application a ON a.id = p.application_id
       WHERE p.created_at >= ${scope.start} AND p.created_at < ${scope.end}${service}
    )
    SELECT m.kind, sh.name AS shift, count(*)::int AS total, count(m.minutes)::int AS done,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY m.minutes)::float8 AS "medianMinutes",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY m.minutes)::float8 AS "p90Minutes"
      FROM measured m
      ${shiftAt(sql`m.at`, scope.timeZone)}
     GROUP BY m.kind, sh.name
     ORDER BY sh.name NULLS LAST, m.kind`;
}
