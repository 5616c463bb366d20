/**
 * N bench applications inserted by Postgres itself (one INSERT … SELECT generate_series), never row
 * by row from JavaScript, then their history (seed-history.ts). Spread like the queue benchmark's
 * cases (bench/lib/queue-seed.ts) but over the demo catalog, so tiers, fees, node targets and
 * evidence requirements are real: ~70 % closed; of the open ones ~10 % express (urgent where a
 * service has no express tier), ~30 % urgent, the rest standard, over every open node, ~80 %
 * assigned to one of 20 reviewers; four cases per applicant account. Values are md5 of the row
 * number, so runs are reproducible.
 */
import type pg from "pg";
import { benchNumberSql } from "./bench-number";
import { CASES_PER_APPLICANT } from "./seed-accounts";
import { HISTORY_STATEMENTS } from "./seed-history";
import { draw, OPEN_NODES } from "./seed-draw";

/** $1 = how many cases. */
const INSERT_CASES = `
  WITH svc AS (
         SELECT array_agg(s.id ORDER BY s.sort_order, s.code) AS ids,
                array_agg(s.requires_expert_review ORDER BY s.sort_order, s.code) AS expert,
                array_agg(EXISTS (SELECT 1 FROM service_tier t WHERE t.service_id = s.id AND t.tier = 'EXPRESS') ORDER BY s.sort_order, s.code) AS express,
                count(*)::int AS n
           FROM service_type s WHERE s.active),
       staff AS (SELECT array_agg(id ORDER BY email) AS ids FROM "user" WHERE email LIKE 'bench-reviewer-%@bench.test'),
       people AS (
         SELECT array_agg(id ORDER BY substring(email FROM 'bench-applicant-([0-9]+)@')::int) AS ids, count(*)::int AS n
           FROM "user" WHERE email LIKE 'bench-applicant-%@bench.test'),
       g AS (
         SELECT g.i, 1 + g.i % svc.n AS s,
                ${draw("closed")} < 0.7 AS closed, ${draw("outcome")} AS outcome, ${draw("tier")} AS tier_draw,
                1 + floor(${draw("node")} * ${OPEN_NODES.length})::int AS node_index, ${draw("due")} AS due_draw,
                ${draw("needed")} AS needed_draw, ${draw("assignee")} AS assignee_draw, ${draw("age")} AS age_draw,
                ${draw("took")} AS took_draw, ${draw("paid")} AS paid_draw, ${draw("triage")} AS triage_draw, ${draw("rated")} AS rated_draw
           FROM generate_series(1, $1::int) AS g(i), svc),
       c AS (
         SELECT g.*, svc.ids[g.s] AS service_id,
                (CASE WHEN g.tier_draw < 0.1 THEN (CASE WHEN svc.express[g.s] THEN 'EXPRESS' ELSE 'URGENT' END)
                      WHEN g.tier_draw < 0.4 THEN 'URGENT' ELSE 'STANDARD' END)::urgency_tier AS tier,
                (CASE WHEN g.closed THEN (CASE WHEN g.outcome < 0.8 THEN 'DOCUMENT_ISSUED' WHEN g.outcome < 0.9 THEN 'REJECTED' ELSE 'WITHDRAWN' END)
                      WHEN (ARRAY['${OPEN_NODES.join("','")}'])[g.node_index] = 'EXPERT_REVIEW' AND NOT svc.expert[g.s] THEN 'SUBSTANTIVE_REVIEW'
                      ELSE (ARRAY['${OPEN_NODES.join("','")}'])[g.node_index] END)::workflow_node AS node
           FROM g, svc),
       t AS (
         SELECT c.*, st.surcharge_minor, st.processing_hours, s.base_fee_minor,
                CASE WHEN c.closed THEN now() - (2 + c.age_draw * 363) * interval '1 day'
                     ELSE now() - c.age_draw * st.processing_hours * 0.8 * interval '1 hour' END AS submitted_at
           FROM c JOIN service_tier st ON st.service_id = c.service_id AND st.tier = c.tier
                  JOIN service_type s ON s.id = c.service_id)
  INSERT INTO application (number, applicant_id, service_id, tier, reason, needed_by, applicant_name, id_type, id_number_hash,
                           id_number_masked, phone, email, locale, current_node, status, assignee_id, fee_base_minor,
                           fee_surcharge_minor, payment_status, paid_at, rating, rated_at, node_due_at, case_due_at,
                           node_entered_at, triage_score, submitted_at, closed_at, created_at, updated_at)
  SELECT ${benchNumberSql("t.i")},
         people.ids[1 + (t.i - 1) % people.n],
         t.service_id, t.tier,
         'Bench case: we need this urgently because a fixed date is close; proof is attached.',
         t.submitted_at + (2 + t.needed_draw * 30) * interval '1 day',
         'Bench Applicant ' || t.i,
         'PASSPORT', md5(t.i::text) || md5(t.i::text || 'id'), 'E*****' || lpad((t.i % 1000)::text, 3, '0'),
         '+8613800138000', 'bench-applicant-' || (1 + (t.i - 1) % people.n) || '@bench.test', 'zh',
         t.node,
         (CASE t.node WHEN 'DOCUMENT_ISSUED' THEN 'COMPLETED' WHEN 'REJECTED' THEN 'REJECTED' WHEN 'WITHDRAWN' THEN 'WITHDRAWN'
                      WHEN 'AWAITING_SUPPLEMENT' THEN 'AWAITING_APPLICANT' WHEN 'RESULT_NOTIFIED' THEN 'APPROVED' ELSE 'IN_PROGRESS' END)::application_status,
         CASE WHEN t.closed OR t.assignee_draw < 0.8 THEN staff.ids[1 + floor(t.assignee_draw * 25)::int % 20] END,
         t.base_fee_minor, t.surcharge_minor,
         (CASE WHEN t.paid_draw < 0.85 THEN 'PAID' ELSE 'UNPAID' END)::payment_status,
         CASE WHEN t.paid_draw < 0.85 THEN t.submitted_at + interval '1 hour' END,
         CASE WHEN t.node = 'DOCUMENT_ISSUED' AND t.rated_draw < 0.6 THEN 1 + floor(t.rated_draw / 0.6 * 5)::int END,
         CASE WHEN t.node = 'DOCUMENT_ISSUED' AND t.rated_draw < 0.6 THEN now() - interval '1 day' END,
         CASE WHEN t.closed OR t.due_draw < 0.03 THEN NULL ELSE now() + (t.due_draw * 120 - 24) * interval '1 hour' END,
         t.submitted_at + t.processing_hours * interval '1 hour',
         t.submitted_at + (now() - t.submitted_at) * 0.6,
         floor(t.triage_draw * 100)::int,
         t.submitted_at,
         CASE WHEN t.closed THEN least(now() - interval '1 day', t.submitted_at + (0.2 + t.took_draw) * t.processing_hours * interval '1 hour') END,
         t.submitted_at, now()
    FROM t, staff, people`;

export type SeedTimings = { step: string; seconds: number }[];

/** Inserts `cases` bench cases with their history; returns how long each step took. */
export async function seedBenchCases(
  client: pg.Client,
  cases: number,
  log: (line: string) => void,
): Promise<SeedTimings> {
  if (!Number.isSafeInteger(cases) || cases < CASES_PER_APPLICANT)
    throw new RangeError(`--cases must be a whole number ≥ ${CASES_PER_APPLICANT}`);
  const timings: SeedTimings = [];
  const steps: [string, string][] = [["applications", INSERT_CASES], ...HISTORY_STATEMENTS];
  for (const [step, sql] of steps) {
    const started = Date.now();
    const { rowCount } = await client.query(sql, step === "applications" ? [cases] : []);
    const seconds = (Date.now() - started) / 1000;
    timings.push({ step, seconds });
    log(`  ${step}: ${rowCount ?? 0} rows in ${seconds.toFixed(1)} s`);
  }
  return timings;
}
