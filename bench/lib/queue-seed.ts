/**
 * Bulk rows for measuring the review queue: N cases inserted by Postgres itself (generate_series,
 * one INSERT … SELECT), never row by row from JavaScript, so 100 000 cases take seconds.
 *
 * Spread like a busy office: 8 services, 20 reviewers, ~70 % of cases closed; of the open ones
 * ~10 % express, ~30 % urgent, the rest standard, over every open node, ~80 % assigned, due times
 * from a day ago to four days ahead, a few without one. "Random" values come from md5 of the row
 * number, so a run is reproducible and needs no session state (setseed) across statements.
 */

import { draw, OPEN_NODES } from "./seed-draw";

export const BENCH_SERVICES = 8;
export const BENCH_REVIEWERS = 20;

const SETUP = [
  `INSERT INTO service_type (code, name_zh, name_en, description_zh, description_en, base_fee_minor, sort_order, updated_at)
   SELECT 'bench-' || n, '压测服务 ' || n, 'Bench service ' || n, '-', '-', 10000, n, now() FROM generate_series(1, ${BENCH_SERVICES}) AS n
   ON CONFLICT (code) DO NOTHING`,
  `INSERT INTO "user" (email, password_hash, display_name, role, updated_at)
   SELECT 'bench-reviewer-' || n || '@bench.test', 'x', 'Bench reviewer ' || n, 'REVIEWER', now() FROM generate_series(1, ${BENCH_REVIEWERS}) AS n
   ON CONFLICT (email) DO NOTHING`,
  `INSERT INTO "user" (email, password_hash, display_name, role, updated_at)
   VALUES ('bench-applicant@bench.test', 'x', 'Bench applicant', 'APPLICANT', now())
   ON CONFLICT (email) DO NOTHING`,
];

/** $1 = how many cases; $2 = a prefix making this batch's application numbers unique. */
const INSERT_CASES = `
  WITH services AS (SELECT array_agg(id ORDER BY code) AS ids FROM service_type WHERE code LIKE 'bench-%'),
       staff AS (SELECT array_agg(id ORDER BY email) AS ids FROM "user" WHERE email LIKE 'bench-reviewer-%'),
       applicant AS (SELECT id FROM "user" WHERE email = 'bench-applicant@bench.test'),
       g AS (
         SELECT g.i,
                ${draw("closed")} < 0.7 AS closed,
                ${draw("outcome")} AS outcome,
                ${draw("tier")} AS tier_draw,
                1 + floor(${draw("node")} * ${OPEN_NODES.length})::int AS node_index,
                ${draw("due")} AS due_draw,
                ${draw("needed")} AS needed_draw,
                ${draw("assignee")} AS assignee_draw
           FROM generate_series(1, $1::int) AS g(i)
       ),
       c AS (
         SELECT g.*,
                CASE WHEN g.closed THEN (CASE WHEN g.outcome < 0.8 THEN 'DOCUMENT_ISSUED' WHEN g.outcome < 0.9 THEN 'REJECTED' ELSE 'WITHDRAWN' END)
                     ELSE (ARRAY['${OPEN_NODES.join("','")}'])[g.node_index] END::workflow_node AS node
           FROM g
       )
  INSERT INTO application (number, applicant_id, service_id, tier, reason, needed_by, applicant_name, id_type, id_number_hash,
                           id_number_masked, phone, email, fee_base_minor, fee_surcharge_minor, current_node, status,
                           assignee_id, node_due_at, case_due_at, submitted_at, closed_at, updated_at)
  SELECT $2::text || lpad(c.i::text, 9, '0'),
         applicant.id,
         services.ids[1 + c.i % ${BENCH_SERVICES}],
         (CASE WHEN c.tier_draw < 0.1 THEN 'EXPRESS' WHEN c.tier_draw < 0.4 THEN 'URGENT' ELSE 'STANDARD' END)::urgency_tier,
         'Bench case: a reason long enough to look like a real one.',
         now() + c.needed_draw * interval '30 days',
         'Bench Applicant ' || c.i,
         'PASSPORT', md5(c.i::text), 'E*****' || lpad((c.i % 1000)::text, 3, '0'), '+86 138 0000 0000', 'bench@bench.test',
         10000, 0,
         c.node,
         (CASE c.node WHEN 'DOCUMENT_ISSUED' THEN 'COMPLETED' WHEN 'REJECTED' THEN 'REJECTED' WHEN 'WITHDRAWN' THEN 'WITHDRAWN'
                      WHEN 'AWAITING_SUPPLEMENT' THEN 'AWAITING_APPLICANT' WHEN 'RESULT_NOTIFIED' THEN 'APPROVED' ELSE 'IN_PROGRESS' END)::application_status,
         CASE WHEN c.assignee_draw < 0.8 THEN staff.ids[1 + floor(c.assignee_draw / 0.8 * ${BENCH_REVIEWERS})::int] END,
         CASE WHEN c.closed OR c.due_draw < 0.03 THEN NULL ELSE now() + (c.due_draw * 120 - 24) * interval '1 hour' END,
         now() + interval '5 days',
         now() - interval '2 days',
         CASE WHEN c.closed THEN now() - c.outcome * interval '30 days' END,
         now()
    FROM c, services, staff, applicant`;

export type SqlStatement = { text: string; values: unknown[] };

/**
 * The statements that add `cases` bench cases (run them in order, on any connection). `batch`
 * keeps numbers unique when a database is seeded more than once.
 */
export function queueSeedStatements(cases: number, batch = "BENCH"): SqlStatement[] {
  if (!Number.isSafeInteger(cases) || cases < 0)
    throw new RangeError(`cases must be a whole number, not ${cases}`);
  return [...SETUP.map((text) => ({ text, values: [] })), { text: INSERT_CASES, values: [cases, batch] }];
}

/** The bench reviewers' ids (for "mine"), first the one with the most open cases. */
export const BENCH_REVIEWER_SQL = `
  SELECT u.id FROM "user" u LEFT JOIN application a ON a.assignee_id = u.id AND a.closed_at IS NULL
   WHERE u.email LIKE 'bench-reviewer-%' GROUP BY u.id ORDER BY count(a.id) DESC, u.id LIMIT 1`;
