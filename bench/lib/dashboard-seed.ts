/**
 * Bulk history for measuring the operations dashboard, on top of the queue's bench cases
 * (bench/lib/queue-seed.ts): every statement is one INSERT/UPDATE … SELECT run by Postgres, so
 * 100 000 cases and their ~600 000 timeline events take seconds, never a row loop in JavaScript.
 *
 * - Submissions spread over the last 365 days, three in four by day (08–20 in Asia/Shanghai).
 * - A timeline per case that walks the main line up to its current node (closed cases to their
 *   outcome; one in five completed cases detours through a supplement request), each node entered
 *   with its due time (node targets below) and left after a drawn time — material check and
 *   substantive review run late most often, so there is a bottleneck to find.
 * - A first staff action (ASSIGNED) soon after submission for most cases, follow-ups (催办) on
 *   about 15 %, ratings on about 60 % of completed cases, closed_at at the last event.
 * "Random" values are md5 of the application number, as in the queue seed: reproducible runs.
 */
import { queueSeedStatements, type SqlStatement } from "./queue-seed";

/** A deterministic number in [0, 1) for the case `a`; `salt` gives each use its own draw. */
const draw = (salt: string, extra = "") =>
  `(('x' || substr(md5(a.number || '${salt}'${extra}), 1, 8))::bit(32)::bigint / 4294967296.0)`;

// Local time of the office (bench data only; the dashboard reads ROTA_TIME_ZONE).
const ZONE = "Asia/Shanghai";

const SPREAD_SUBMISSIONS = `
  UPDATE application a
     SET submitted_at = ((date_trunc('day', now() AT TIME ZONE '${ZONE}') - (1 + floor(${draw("day")} * 365)) * interval '1 day')
                         + (CASE WHEN ${draw("dayOrNight")} < 0.75 THEN 8 + ${draw("hour")} * 12 ELSE 20 + ${draw("hour")} * 12 END) * interval '1 hour')
                        AT TIME ZONE '${ZONE}'
   WHERE a.number LIKE $1::text || '%'`;

// Per node: the longest a visit is drawn to take, and its target (minutes). Terminal nodes: none.
const NODE_SCALE = `CASE p.node WHEN 'SUBMITTED' THEN 180 WHEN 'MATERIAL_CHECK' THEN 700 WHEN 'AWAITING_SUPPLEMENT' THEN 4000
  WHEN 'SUBSTANTIVE_REVIEW' THEN 2400 WHEN 'EXPERT_REVIEW' THEN 2000 WHEN 'DECISION' THEN 500 WHEN 'RESULT_NOTIFIED' THEN 900 ELSE 0 END`;
const NODE_TARGET = `CASE p.node WHEN 'SUBMITTED' THEN 120 WHEN 'MATERIAL_CHECK' THEN 480 WHEN 'AWAITING_SUPPLEMENT' THEN 2880
  WHEN 'SUBSTANTIVE_REVIEW' THEN 1200 WHEN 'EXPERT_REVIEW' THEN 1440 WHEN 'DECISION' THEN 360 WHEN 'RESULT_NOTIFIED' THEN 720 END`;

const MAIN = ["SUBMITTED:SUBMITTED", "MATERIAL_CHECK:ADVANCED", "SUBSTANTIVE_REVIEW:ADVANCED"];
const path = (steps: string[]) => `ARRAY['${steps.join("','")}']`;
const PATHS = `CASE
  WHEN a.current_node = 'DOCUMENT_ISSUED' AND ${draw("detour")} < 0.2 THEN ${path([
    "SUBMITTED:SUBMITTED",
    "MATERIAL_CHECK:ADVANCED",
    "AWAITING_SUPPLEMENT:SUPPLEMENT_REQUESTED",
    "MATERIAL_CHECK:SUPPLEMENT_PROVIDED",
    "SUBSTANTIVE_REVIEW:ADVANCED",
    "DECISION:ADVANCED",
    "RESULT_NOTIFIED:APPROVED",
    "DOCUMENT_ISSUED:DOCUMENT_ISSUED",
  ])}
  WHEN a.current_node = 'DOCUMENT_ISSUED' THEN ${path([...MAIN, "DECISION:ADVANCED", "RESULT_NOTIFIED:APPROVED", "DOCUMENT_ISSUED:DOCUMENT_ISSUED"])}
  WHEN a.current_node = 'REJECTED' THEN ${path([...MAIN, "DECISION:ADVANCED", "REJECTED:REJECTED"])}
  WHEN a.current_node = 'WITHDRAWN' THEN ${path([MAIN[0]!, MAIN[1]!, "WITHDRAWN:WITHDRAWN"])}
  WHEN a.current_node = 'SUBMITTED' THEN ${path([MAIN[0]!])}
  WHEN a.current_node = 'MATERIAL_CHECK' THEN ${path([MAIN[0]!, MAIN[1]!])}
  WHEN a.current_node = 'AWAITING_SUPPLEMENT' THEN ${path([MAIN[0]!, MAIN[1]!, "AWAITING_SUPPLEMENT:SUPPLEMENT_REQUESTED"])}
  WHEN a.current_node = 'SUBSTANTIVE_REVIEW' THEN ${path(MAIN)}
  WHEN a.current_node = 'EXPERT_REVIEW' THEN ${path([...MAIN, "EXPERT_REVIEW:ADVANCED"])}
  WHEN a.current_node = 'DECISION' THEN ${path([...MAIN, "DECISION:ADVANCED"])}
  ELSE ${path([...MAIN, "DECISION:ADVANCED", "RESULT_NOTIFIED:APPROVED"])} END`;

const APPLICANT_ACTIONS = "('SUBMITTED', 'SUPPLEMENT_PROVIDED', 'WITHDRAWN')";

const INSERT_TIMELINES = `
  WITH staff AS (SELECT array_agg(id ORDER BY email) AS ids FROM "user" WHERE email LIKE 'bench-reviewer-%'),
       p AS (
         SELECT a.id, a.applicant_id, a.assignee_id, a.number, a.submitted_at, s.ord,
                split_part(s.step, ':', 1)::workflow_node AS node, split_part(s.step, ':', 2)::timeline_action AS action
           FROM application a
           CROSS JOIN LATERAL unnest(${PATHS}) WITH ORDINALITY AS s(step, ord)
          WHERE a.number LIKE $1::text || '%'),
       d AS (
         SELECT p.*, ${NODE_TARGET} AS target,
                (${NODE_SCALE}) * (('x' || substr(md5(p.number || 'visit' || p.ord), 1, 8))::bit(32)::bigint / 4294967296.0) AS minutes
           FROM p),
       t AS (
         SELECT d.*, d.submitted_at + (sum(d.minutes) OVER (PARTITION BY d.id ORDER BY d.ord) - d.minutes) * interval '1 minute' AS at
           FROM d)
  INSERT INTO timeline_event (application_id, node, action, actor_id, occurred_at, due_at)
  SELECT t.id, t.node, t.action,
         CASE WHEN t.action::text IN ${APPLICANT_ACTIONS} THEN t.applicant_id
              ELSE coalesce(t.assignee_id, staff.ids[1 + (('x' || substr(md5(t.number || 'actor'), 1, 8))::bit(32)::bigint % 20)::int]) END,
         t.at,
         t.at + t.target * interval '1 minute'
    FROM t, staff`;

const INSERT_FIRST_ACTIONS = `
  WITH staff AS (SELECT array_agg(id ORDER BY email) AS ids FROM "user" WHERE email LIKE 'bench-reviewer-%')
  INSERT INTO timeline_event (application_id, node, action, actor_id, occurred_at)
  SELECT a.id, 'SUBMITTED', 'ASSIGNED', staff.ids[1 + floor(${draw("first")} * 20)::int], a.submitted_at + ${draw("firstAt")} * 90 * interval '1 minute'
    FROM application a, staff
   WHERE a.number LIKE $1::text || '%' AND ${draw("first")} < 0.85`;

const INSERT_FOLLOW_UPS = `
  INSERT INTO timeline_event (application_id, node, action, actor_id, occurred_at)
  SELECT a.id, a.current_node, 'FOLLOW_UP', a.applicant_id, a.submitted_at + n * interval '13 hours'
    FROM application a CROSS JOIN LATERAL generate_series(1, 1 + floor(${draw("followUps")} * 3)::int) AS n
   WHERE a.number LIKE $1::text || '%' AND ${draw("chased")} < 0.15`;

const CLOSE_AND_RATE = `
  UPDATE application a
     SET closed_at = CASE WHEN a.closed_at IS NULL THEN NULL
                          ELSE (SELECT max(e.occurred_at) FROM timeline_event e WHERE e.application_id = a.id) END,
         rating = CASE WHEN a.status = 'COMPLETED' AND ${draw("rated")} < 0.6
                       THEN (CASE WHEN ${draw("stars")} < 0.05 THEN 1 WHEN ${draw("stars")} < 0.13 THEN 2 WHEN ${draw("stars")} < 0.25 THEN 3
                                  WHEN ${draw("stars")} < 0.55 THEN 4 ELSE 5 END) END
   WHERE a.number LIKE $1::text || '%'`;

/** The statements that add `cases` bench cases with their history (run in order, on any connection). */
export function dashboardSeedStatements(cases: number, batch = "BENCH"): SqlStatement[] {
  const history = [
    SPREAD_SUBMISSIONS,
    INSERT_TIMELINES,
    INSERT_FIRST_ACTIONS,
    INSERT_FOLLOW_UPS,
    CLOSE_AND_RATE,
  ];
  return [...queueSeedStatements(cases, batch), ...history.map((text) => ({ text, values: [batch] }))];
}
