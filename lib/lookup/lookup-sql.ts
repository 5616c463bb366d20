import { APPLICANT_VISIBLE_EVENTS_SQL } from "@/lib/cases/visible-events";
import { raw, sql, type Sql } from "@/lib/sql";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import type { PublicCaseRow } from "./public-view";

// The public lookup's statements besides the rate limiter's (lib/rate-limit/rate-limit-sql.ts). It is the busiest public request, so it reads in two round
// trips instead of one per relation. Kept apart from data.ts so the benchmark's bare node:http + pg
// baseline (bench/baseline-server.ts) sends exactly the same SQL and maps rows the same way.

const TIMELINE_LIMIT = 500;

type LookupCandidateRow = { id: string | null; idNumberHash: string | null };

/** The candidate case for `number`: one row, also when there is none, so the timing says nothing. */
export function lookupCandidateSql(number: string): Sql {
  return sql`
    SELECT a.id::text AS id, a.id_number_hash AS "idNumberHash"
      FROM (SELECT 1) AS one LEFT JOIN application a ON a.number = ${number}`;
}

export function toLookupCandidate(row: LookupCandidateRow) {
  return row.id && row.idNumberHash ? { id: row.id, idNumberHash: row.idNumberHash } : null;
}

export type PublicCaseSqlRow = Omit<PublicCaseRow, "timeline" | "supplementRequests"> & {
  timeline: (Omit<PublicCaseRow["timeline"][number], "occurredAt" | "dueAt"> & {
    occurredAt: string;
    dueAt: string | null;
  })[];
  openDueAt: Date | null;
  targets: Partial<Record<WorkflowNode, number>> | null;
};

/**
 * The case, its service, its public timeline (of each actor only the role), the open supplement
 * request's due time and the node targets of its service and tier. Only public columns: no contact
 * details, no reason, no evidence, no ID, no internal notes, no staff names.
 */
export function publicCaseSql(where: { id: string } | { number: string }): Sql {
  return sql`
    SELECT a.number, a.tier::text AS tier, a.status::text AS status, a.current_node::text AS "currentNode",
           a.submitted_at AS "submittedAt", a.node_due_at AS "nodeDueAt", a.case_due_at AS "caseDueAt",
           a.applicant_name AS "applicantName", a.assignee_id::text AS "assigneeId", a.service_id::text AS "serviceId",
           json_build_object('code', s.code, 'nameZh', s.name_zh, 'nameEn', s.name_en, 'requiresExpertReview', s.requires_expert_review) AS service,
           coalesce((SELECT json_agg(json_build_object('node', e.node, 'action', e.action, 'occurredAt', e.occurred_at, 'dueAt', e.due_at,
                                                       'publicNote', e.public_note, 'actor', CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('role', u.role) END)
                                     ORDER BY e.occurred_at, e.id)
                       FROM (SELECT e.* FROM timeline_event e WHERE e.application_id = a.id AND ${APPLICANT_VISIBLE_EVENTS_SQL}
                              ORDER BY e.occurred_at, e.id LIMIT ${raw(String(TIMELINE_LIMIT))}) e
                       LEFT JOIN "user" u ON u.id = e.actor_id), '[]') AS timeline,
           (SELECT r.due_at FROM supplement_request r WHERE r.application_id = a.id AND r.status = 'OPEN'
             ORDER BY r.created_at DESC LIMIT 1) AS "openDueAt",
           (SELECT json_object_agg(t.node, t.target_minutes) FROM node_target t JOIN service_tier st ON st.id = t.service_tier_id
             WHERE st.service_id = a.service_id AND st.tier = a.tier) AS targets
      FROM application a JOIN service_type s ON s.id = a.service_id
     WHERE ${"id" in where ? sql`a.id = ${where.id}::uuid` : sql`a.number = ${where.number}`}`;
}

/** The row as toPublicView takes it, with the node targets apart. */
export function toPublicCaseRow(row: PublicCaseSqlRow): {
  caseRow: PublicCaseRow;
  nodeTargets: Partial<Record<WorkflowNode, number>>;
} {
  const { openDueAt, targets, timeline, ...rest } = row;
  return {
    caseRow: {
      ...rest,
      timeline: timeline.map((event) => ({
        ...event,
        occurredAt: new Date(event.occurredAt),
        dueAt: event.dueAt ? new Date(event.dueAt) : null,
      })),
      supplementRequests: openDueAt ? [{ dueAt: openDueAt }] : [],
    },
    nodeTargets: targets ?? {},
  };
}
