import type pg from "pg";
import { FORGET_AFTER_SECONDS, lockSecondsAfter, throttleKind } from "../../lib/lookup/throttle";

// The statements bench/baseline-server.ts sends: what Prisma sends for lib/lookup (data.ts and
// mutations.ts), hand-written, with columns named as PublicCaseRow expects them.

export const THROTTLE_SQL = `SELECT key, locked_until AS "lockedUntil" FROM lookup_throttle WHERE key = ANY($1::text[])`;

export const CANDIDATE_SQL = `SELECT id::text, id_number_hash AS hash FROM application WHERE number = $1`;

export const CLEAR_SQL = `DELETE FROM lookup_throttle WHERE key = ANY($1::text[])`;

export const CASE_SQL = `
  SELECT a.number, a.tier, a.status, a.current_node AS "currentNode", a.submitted_at AS "submittedAt", a.node_due_at AS "nodeDueAt",
         a.case_due_at AS "caseDueAt", a.applicant_name AS "applicantName", a.assignee_id AS "assigneeId", a.service_id AS "serviceId",
         json_build_object('code', s.code, 'nameZh', s.name_zh, 'nameEn', s.name_en, 'requiresExpertReview', s.requires_expert_review) AS service
    FROM application a JOIN service_type s ON s.id = a.service_id
   WHERE a.id = $1::uuid`;

// APPLICANT_VISIBLE_EVENTS of lib/cases/data.ts; of each actor only the role.
export const TIMELINE_SQL = `
  SELECT e.node, e.action, e.occurred_at AS "occurredAt", e.due_at AS "dueAt", e.public_note AS "publicNote",
         CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('role', u.role) END AS actor
    FROM timeline_event e LEFT JOIN "user" u ON u.id = e.actor_id
   WHERE e.application_id = $1::uuid
     AND (e.action NOT IN ('NOTE_ADDED', 'DOCUMENT_UPLOADED') OR (e.action = 'NOTE_ADDED' AND e.public_note IS NOT NULL))
   ORDER BY e.occurred_at, e.id
   LIMIT 500`;

export const OPEN_SUPPLEMENT_SQL = `
  SELECT due_at AS "dueAt" FROM supplement_request WHERE application_id = $1::uuid AND status = 'OPEN' ORDER BY created_at DESC LIMIT 1`;

export const TARGETS_SQL = `
  SELECT t.node, t.target_minutes AS "targetMinutes"
    FROM node_target t JOIN service_tier st ON st.id = t.service_tier_id
   WHERE st.service_id = $1::uuid AND st.tier = $2::urgency_tier`;

const COUNT_FAILURE_SQL = `
  INSERT INTO lookup_throttle (key, failures, updated_at) VALUES ($1, 1, $2)
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN lookup_throttle.updated_at <= $3 THEN 1 ELSE lookup_throttle.failures + 1 END,
    locked_until = CASE WHEN lookup_throttle.updated_at <= $3 THEN NULL ELSE lookup_throttle.locked_until END,
    updated_at = $2
  RETURNING failures`;

/** lib/lookup/mutations.ts recordLookupFailure for one key, inside the caller's transaction. */
export async function countFailure(client: pg.PoolClient, key: string, now: Date) {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_SECONDS * 1000);
  const { rows } = await client.query<{ failures: number }>(COUNT_FAILURE_SQL, [key, now, forgetBefore]);
  const seconds = lockSecondsAfter(rows[0]!.failures, throttleKind(key));
  if (seconds > 0) await client.query(`UPDATE lookup_throttle SET locked_until = $1 WHERE key = $2`, [new Date(now.getTime() + seconds * 1000), key]);
}
