/**
 * What a case page, a lookup and the notification bell read besides the application row, for every
 * bench case, each in one INSERT … SELECT: a timeline along the workflow up to the current node
 * (expert review where the service has it; a public note on about one case in five), two evidence
 * files (metadata only: the benchmark never downloads them), an open supplement request for cases
 * waiting for the applicant, and the outbox rows the steps produced (received: in-app and email,
 * sent; the latest step: in-app, unread while the case is open). ~100 000 cases make ~480 000
 * events, 200 000 files and ~230 000 notifications.
 */

/** Bench cases: those of bench applicant accounts (the demo cases stay as the seed made them). */
const BENCH = `SELECT a.* FROM application a JOIN "user" u ON u.id = a.applicant_id WHERE u.email LIKE 'bench-applicant-%@bench.test'`;

const main = (expert: boolean) =>
  `ARRAY['SUBMITTED:SUBMITTED','MATERIAL_CHECK:ADVANCED','SUBSTANTIVE_REVIEW:ADVANCED',${expert ? "'EXPERT_REVIEW:ADVANCED'," : ""}'DECISION:ADVANCED','RESULT_NOTIFIED:APPROVED','DOCUMENT_ISSUED:DOCUMENT_ISSUED']`;

const APPLICANT_ACTIONS = "('SUBMITTED', 'SUPPLEMENT_PROVIDED', 'WITHDRAWN', 'FOLLOW_UP')";

const TIMELINES = `
  WITH b AS (${BENCH}),
       p AS (
         SELECT b.id, b.applicant_id, b.assignee_id, b.current_node, b.submitted_at, coalesce(b.closed_at, b.node_entered_at) AS last_at,
                CASE WHEN s.requires_expert_review THEN ${main(true)} ELSE ${main(false)} END AS main
           FROM b JOIN service_type s ON s.id = b.service_id),
       q AS (
         SELECT p.*,
                CASE p.current_node
                  WHEN 'AWAITING_SUPPLEMENT' THEN p.main[1:2] || 'AWAITING_SUPPLEMENT:SUPPLEMENT_REQUESTED'::text
                  WHEN 'REJECTED' THEN p.main[1:array_position(p.main, 'DECISION:ADVANCED')] || 'REJECTED:REJECTED'::text
                  WHEN 'WITHDRAWN' THEN p.main[1:2] || 'WITHDRAWN:WITHDRAWN'::text
                  ELSE p.main[1:(SELECT min(u.o) FROM unnest(p.main) WITH ORDINALITY AS u(step, o) WHERE split_part(u.step, ':', 1) = p.current_node::text)]
                END AS steps
           FROM p),
       e AS (
         SELECT q.id, q.applicant_id, q.assignee_id, split_part(s.step, ':', 1)::workflow_node AS node,
                split_part(s.step, ':', 2)::timeline_action AS action,
                q.submitted_at + (q.last_at - q.submitted_at) * (s.o - 1) / greatest(cardinality(q.steps) - 1, 1) AS at
           FROM q CROSS JOIN LATERAL unnest(q.steps) WITH ORDINALITY AS s(step, o))
  INSERT INTO timeline_event (application_id, node, action, actor_id, public_note, occurred_at, due_at)
  SELECT e.id, e.node, e.action,
         CASE WHEN e.action::text IN ${APPLICANT_ACTIONS} THEN e.applicant_id ELSE e.assignee_id END,
         CASE WHEN e.action = 'SUPPLEMENT_REQUESTED' THEN 'Please upload a clearer scan of the proof of urgency.' END,
         e.at, e.at + interval '8 hours'
    FROM e`;

// A first assignment soon after submission, and a note to the applicant on about one case in five.
const STAFF_EVENTS = `
  WITH b AS (${BENCH})
  INSERT INTO timeline_event (application_id, node, action, actor_id, public_note, internal_note, occurred_at)
  SELECT b.id, 'SUBMITTED'::workflow_node, 'ASSIGNED'::timeline_action, b.assignee_id, NULL, NULL, b.submitted_at + interval '20 minutes'
    FROM b WHERE b.assignee_id IS NOT NULL
  UNION ALL
  SELECT b.id, b.current_node, 'NOTE_ADDED'::timeline_action, b.assignee_id,
         CASE WHEN ('x' || substr(md5(b.number || 'note'), 1, 8))::bit(32)::bigint % 2 = 0 THEN 'We are checking your documents with the issuing office.' END,
         'Called the office; waiting for their answer.', b.node_entered_at + interval '1 hour'
    FROM b WHERE b.assignee_id IS NOT NULL AND ('x' || substr(md5(b.number || 'noted'), 1, 8))::bit(32)::bigint % 5 = 0`;

const EVIDENCE = `
  WITH b AS (${BENCH})
  INSERT INTO evidence_file (application_id, uploader_id, kind, original_name, mime_type, size_bytes, sha256, storage_key, created_at)
  SELECT b.id, b.applicant_id, k.kind::evidence_kind, k.name, 'application/pdf', 120000 + (hashtext(b.number || k.kind) & 65535),
         md5(b.number || k.kind) || md5(k.kind || b.number), 'bench/' || b.number || '/' || k.kind, b.submitted_at - interval '10 minutes'
    FROM b CROSS JOIN (VALUES ('ID_PROOF', 'id-card.pdf'), ('URGENCY_PROOF', 'proof-of-urgency.pdf')) AS k(kind, name)`;

const SUPPLEMENTS = `
  WITH b AS (${BENCH}),
       r AS (
         INSERT INTO supplement_request (application_id, requested_by_id, status, due_at, created_at)
         SELECT b.id, b.assignee_id, 'OPEN', now() + interval '2 days', b.node_entered_at
           FROM b WHERE b.current_node = 'AWAITING_SUPPLEMENT' AND b.assignee_id IS NOT NULL
         RETURNING id)
  INSERT INTO supplement_item (request_id, problem, suggestion, sort_order)
  SELECT r.id, 'The proof of urgency is not legible.', 'Upload a clearer scan or a photo in daylight.', 0 FROM r`;

const NOTIFICATIONS = `
  WITH b AS (${BENCH})
  INSERT INTO notification (recipient_id, application_id, channel, template, locale, payload, to_address, status, attempts,
                            next_attempt_at, sent_at, read_at, created_at)
  SELECT b.applicant_id, b.id, n.channel::notification_channel, 'application.received', 'zh',
         jsonb_build_object('number', b.number, 'tier', b.tier), CASE WHEN n.channel = 'EMAIL' THEN b.email END,
         'SENT'::notification_status, 1, b.submitted_at, b.submitted_at + interval '1 minute',
         CASE WHEN n.channel = 'IN_APP' THEN b.submitted_at + interval '1 hour' END, b.submitted_at
    FROM b CROSS JOIN (VALUES ('IN_APP'), ('EMAIL')) AS n(channel)
  UNION ALL
  SELECT b.applicant_id, b.id, 'IN_APP'::notification_channel, 'case.advanced', 'zh', jsonb_build_object('number', b.number, 'node', b.current_node),
         NULL, 'SENT'::notification_status, 1, b.node_entered_at, b.node_entered_at, NULL, b.node_entered_at
    FROM b WHERE b.closed_at IS NULL AND b.current_node <> 'SUBMITTED'`;

/** [step name, SQL] in order; none takes parameters. */
export const HISTORY_STATEMENTS: [string, string][] = [
  ["timeline events", TIMELINES],
  ["assignments and notes", STAFF_EVENTS],
  ["evidence metadata", EVIDENCE],
  ["supplement requests", SUPPLEMENTS],
  ["notifications", NOTIFICATIONS],
];
