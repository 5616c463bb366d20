import "server-only";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { APPLICANT_VISIBLE_EVENTS_SQL } from "@/lib/cases/data";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import { toPublicView, type PublicCaseRow } from "./public-view";

const TIMELINE_LIMIT = 500;

// The lookup is the busiest public request, so its reads are hand-written SQL: two round trips in
// all instead of one per relation (the throughput target of issue #7 is set against bare SQL).

/**
 * The one read of a lookup before the ID number is known to match: the throttle rows and the
 * candidate together, whether or not the number exists, so its timing says nothing. Nothing else
 * is loaded until the hashes match.
 */
export async function findLookupState(keys: string[], number: string) {
  const [row] = await db.$queryRaw<{ throttles: { key: string; lockedUntil: string | null }[]; id: string | null; idNumberHash: string | null }[]>`
    SELECT coalesce((SELECT json_agg(json_build_object('key', t.key, 'lockedUntil', t.locked_until))
                       FROM lookup_throttle t WHERE t.key = ANY(${keys})), '[]') AS throttles,
           a.id::text AS id, a.id_number_hash AS "idNumberHash"
      FROM (SELECT 1) AS one LEFT JOIN application a ON a.number = ${number}`;
  return {
    throttles: row!.throttles.map((throttle) => ({ key: throttle.key, lockedUntil: throttle.lockedUntil ? new Date(throttle.lockedUntil) : null })),
    candidate: row!.id && row!.idNumberHash ? { id: row!.id, idNumberHash: row!.idNumberHash } : null,
  };
}

type PublicCaseSqlRow = Omit<PublicCaseRow, "timeline" | "supplementRequests"> & {
  timeline: (Omit<PublicCaseRow["timeline"][number], "occurredAt" | "dueAt"> & { occurredAt: string; dueAt: string | null })[];
  openDueAt: Date | null;
  targets: Partial<Record<WorkflowNode, number>> | null;
};

/**
 * The public view of a case whose ID number (or share link) was already checked, in one query.
 * Only public columns are selected: no contact details, no reason, no evidence, no ID, no internal
 * notes, and of each event's actor only the role, never a name.
 */
export async function findPublicCase(where: { id: string } | { number: string }, now: Date) {
  const [row] = await db.$queryRaw<PublicCaseSqlRow[]>`
    SELECT a.number, a.tier::text AS tier, a.status::text AS status, a.current_node::text AS "currentNode",
           a.submitted_at AS "submittedAt", a.node_due_at AS "nodeDueAt", a.case_due_at AS "caseDueAt",
           a.applicant_name AS "applicantName", a.assignee_id::text AS "assigneeId", a.service_id::text AS "serviceId",
           json_build_object('code', s.code, 'nameZh', s.name_zh, 'nameEn', s.name_en, 'requiresExpertReview', s.requires_expert_review) AS service,
           coalesce((SELECT json_agg(json_build_object('node', e.node, 'action', e.action, 'occurredAt', e.occurred_at, 'dueAt', e.due_at,
                                                       'publicNote', e.public_note, 'actor', CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('role', u.role) END)
                                     ORDER BY e.occurred_at, e.id)
                       FROM (SELECT e.* FROM timeline_event e WHERE e.application_id = a.id AND ${APPLICANT_VISIBLE_EVENTS_SQL}
                              ORDER BY e.occurred_at, e.id LIMIT ${TIMELINE_LIMIT}) e
                       LEFT JOIN "user" u ON u.id = e.actor_id), '[]') AS timeline,
           (SELECT r.due_at FROM supplement_request r WHERE r.application_id = a.id AND r.status = 'OPEN'
             ORDER BY r.created_at DESC LIMIT 1) AS "openDueAt",
           (SELECT json_object_agg(t.node, t.target_minutes) FROM node_target t JOIN service_tier st ON st.id = t.service_tier_id
             WHERE st.service_id = a.service_id AND st.tier = a.tier) AS targets
      FROM application a JOIN service_type s ON s.id = a.service_id
     WHERE ${"id" in where ? Prisma.sql`a.id = ${where.id}::uuid` : Prisma.sql`a.number = ${where.number}`}`;
  if (!row) return null;
  const { openDueAt, targets, timeline, ...rest } = row;
  const caseRow: PublicCaseRow = {
    ...rest,
    timeline: timeline.map((event) => ({ ...event, occurredAt: new Date(event.occurredAt), dueAt: event.dueAt ? new Date(event.dueAt) : null })),
    supplementRequests: openDueAt ? [{ dueAt: openDueAt }] : [],
  };
  return toPublicView(caseRow, targets ?? {}, now);
}

/** The applicant's own case number, for making a share link; null for anyone else's or an unknown one. */
export async function findOwnCaseNumber(viewer: Viewer, rawNumber: string): Promise<string | null> {
  assertArea(viewer, "portal");
  const parsed = validateApplicationNumber(rawNumber);
  if (!parsed.ok) return null;
  const row = await db.application.findFirst({ where: { number: parsed.number, applicantId: viewer.id }, select: { number: true } });
  return row?.number ?? null;
}
