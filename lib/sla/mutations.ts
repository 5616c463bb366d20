import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { STAFF_TURN_STATUSES } from "@/lib/console/queue-due";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UrgencyTier, WorkflowNode } from "@/lib/generated/prisma/enums";
import { pageStaff } from "@/lib/paging/mutations";
import { queueApplicantNotice, type LockedCase, type Tx } from "@/lib/workflow/shared-mutations";
import { WARN_FRACTION, expeditedExpectedAt } from "./sla-state";
import { queueStaffNotices, supervisorsToAlert, type Recipient } from "./notice-mutations";

/** Rows claimed per transaction: short transactions, so a case is never held up for long. */
export const WATCH_BATCH_SIZE = 50;

export type WatchOptions = { now?: Date; batchSize?: number };
export type WatchSummary = { warned: number; escalated: number; deadlineRisks: number };

type SlaRow = LockedCase & {
  node_entered_at: Date;
  node_due_at: Date;
  sla_warned_at: Date | null;
  sla_escalated_at: Date | null;
  target_minutes: number | null;
  /** Null when unassigned or the assignee's account is deactivated. */
  assignee_locale: string | null;
};

type RiskRow = {
  id: string;
  number: string;
  tier: UrgencyTier;
  current_node: WorkflowNode;
  case_due_at: Date | null;
  needed_by: Date;
};

type Context = { now: Date; batchSize: number; supervisors: (tx: Tx) => Promise<Recipient[]> };

/**
 * The overdue watch, one pass (the worker runs it about once a minute). Each alert goes out once
 * per node: the rows are claimed with FOR NO KEY UPDATE SKIP LOCKED and their flag is set in the
 * same transaction, so concurrent watchers never take the same case, and a case whose flag is set
 * no longer matches. A case moved on meanwhile is re-checked against its new row after the lock
 * (READ COMMITTED re-evaluates the WHERE), so a stale node is never warned about.
 *
 * The flags are system bookkeeping, not a change anyone's form depends on: the case `version` is
 * left alone, so a reviewer's open workspace does not report a conflicting change.
 */
export async function runOverdueWatch({
  now = new Date(),
  batchSize = WATCH_BATCH_SIZE,
}: WatchOptions = {}): Promise<WatchSummary> {
  let supervisors: Promise<Recipient[]> | undefined;
  const context: Context = {
    now,
    batchSize,
    supervisors: (tx) => (supervisors ??= supervisorsToAlert(tx, now)),
  };
  const summary: WatchSummary = { warned: 0, escalated: 0, deadlineRisks: 0 };
  // A full batch may have left more behind; a short one means the rest (if any) is another watcher's.
  for (let claimed = batchSize; claimed === batchSize;) {
    const batch = await db.$transaction((tx) => slaBatch(tx, context));
    summary.warned += batch.warned;
    summary.escalated += batch.escalated;
    claimed = batch.claimed;
  }
  for (let claimed = batchSize; claimed === batchSize;) {
    claimed = await db.$transaction((tx) => deadlineRiskBatch(tx, context));
    summary.deadlineRisks += claimed;
  }
  return summary;
}

async function slaBatch(tx: Tx, context: Context) {
  const { now, batchSize } = context;
  const staffTurn = Prisma.join(
    STAFF_TURN_STATUSES.map((status) => Prisma.sql`${status}::application_status`),
  );
  // AWAITING_APPLICANT is not staff's turn: a paused case never goes overdue.
  const rows = await tx.$queryRaw<SlaRow[]>`
    SELECT a.id::text, a.number, a.applicant_id::text, a.assignee_id::text, a.service_id::text, a.tier,
           a.current_node, a.status, a.payment_status, a.version, a.email, a.phone, a.locale,
           a.fee_base_minor, a.fee_surcharge_minor, a.currency, s.requires_expert_review,
           a.node_entered_at, a.node_due_at, a.sla_warned_at, a.sla_escalated_at,
           nt.target_minutes, u.locale AS assignee_locale
      FROM application a
      JOIN service_type s ON s.id = a.service_id
      LEFT JOIN service_tier st ON st.service_id = a.service_id AND st.tier = a.tier
      LEFT JOIN node_target nt ON nt.service_tier_id = st.id AND nt.node = a.current_node
      LEFT JOIN "user" u ON u.id = a.assignee_id AND u.active
     WHERE a.closed_at IS NULL AND a.node_due_at IS NOT NULL AND a.status IN (${staffTurn})
       AND ((a.sla_escalated_at IS NULL AND a.node_due_at < ${now})
         OR (a.sla_warned_at IS NULL AND a.node_entered_at + (a.node_due_at - a.node_entered_at) * ${WARN_FRACTION}::float8 <= ${now}))
     ORDER BY a.node_due_at, a.id
     LIMIT ${batchSize}
       FOR NO KEY UPDATE OF a SKIP LOCKED`;
  let warned = 0;
  let escalated = 0;
  for (const row of rows) {
    if (row.sla_escalated_at === null && row.node_due_at.getTime() < now.getTime()) {
      await escalate(tx, row, context);
      escalated += 1;
    } else {
      await warn(tx, row, context);
      warned += 1;
    }
  }
  return { claimed: rows.length, warned, escalated };
}

/** 75 %: the assignee is warned; an unassigned case (or one held by a deactivated account) goes to the supervisors. */
async function warn(tx: Tx, row: SlaRow, { now, supervisors }: Context) {
  const recipients =
    row.assignee_id && row.assignee_locale
      ? [{ id: row.assignee_id, locale: row.assignee_locale }]
      : await supervisors(tx);
  await queueStaffNotices(tx, recipients, row, "sla.warning", now, { dueAt: row.node_due_at.toISOString() });
  await tx.$executeRaw`UPDATE application SET sla_warned_at = ${now} WHERE id = ${row.id}::uuid`;
  await recordAudit(tx, {
    actorId: null,
    action: "sla.warned",
    entityType: "application",
    entityId: row.id,
    details: {
      number: row.number,
      node: row.current_node,
      dueAt: row.node_due_at.toISOString(),
      recipients: recipients.map((r) => r.id),
    },
    createdAt: now,
  });
}

/**
 * Past the due time: the supervisors are alerted and the applicant reassured. The warning flag is
 * set too, so a case that jumps straight past 100 % (the worker was down, a short target) gets the
 * escalation and no late 75 % warning after it.
 */
async function escalate(tx: Tx, row: SlaRow, { now, supervisors }: Context) {
  const recipients = await supervisors(tx);
  await queueStaffNotices(tx, recipients, row, "sla.overdue", now, { dueAt: row.node_due_at.toISOString() });
  await pageStaff(tx, { caseRef: row, reason: "ESCALATION", recipientIds: recipients.map((r) => r.id), now });
  const expectedAt = expeditedExpectedAt({
    escalatedAt: now,
    nodeEnteredAt: row.node_entered_at,
    nodeDueAt: row.node_due_at,
    targetMinutes: row.target_minutes,
  });
  await queueApplicantNotice(tx, row, "case.expedited", now, {
    node: row.current_node,
    ...(expectedAt ? { expectedAt: expectedAt.toISOString() } : {}),
  });
  await tx.$executeRaw`
    UPDATE application SET sla_escalated_at = ${now}, sla_warned_at = COALESCE(sla_warned_at, ${now}) WHERE id = ${row.id}::uuid`;
  await recordAudit(tx, {
    actorId: null,
    action: "sla.escalated",
    entityType: "application",
    entityId: row.id,
    details: {
      number: row.number,
      node: row.current_node,
      dueAt: row.node_due_at.toISOString(),
      expectedAt: expectedAt?.toISOString() ?? null,
      recipients: recipients.map((r) => r.id),
    },
    createdAt: now,
  });
}

/** The needed-by date can no longer be met: flagged once per case for a supervisor's decision. */
async function deadlineRiskBatch(tx: Tx, { now, batchSize, supervisors }: Context): Promise<number> {
  const rows = await tx.$queryRaw<RiskRow[]>`
    SELECT id::text, number, tier, current_node, case_due_at, needed_by
      FROM application
     WHERE closed_at IS NULL AND deadline_risk_at IS NULL AND (case_due_at > needed_by OR needed_by < ${now})
     ORDER BY needed_by, id
     LIMIT ${batchSize}
       FOR NO KEY UPDATE SKIP LOCKED`;
  if (rows.length === 0) return 0;
  const recipients = await supervisors(tx);
  for (const row of rows) {
    await queueStaffNotices(tx, recipients, row, "sla.deadlineRisk", now);
    await pageStaff(tx, {
      caseRef: row,
      reason: "DEADLINE_RISK",
      recipientIds: recipients.map((r) => r.id),
      now,
    });
    await tx.$executeRaw`UPDATE application SET deadline_risk_at = ${now} WHERE id = ${row.id}::uuid`;
    await recordAudit(tx, {
      actorId: null,
      action: "sla.deadlineRisk",
      entityType: "application",
      entityId: row.id,
      details: {
        number: row.number,
        neededBy: row.needed_by.toISOString(),
        caseDueAt: row.case_due_at?.toISOString() ?? null,
        recipients: recipients.map((r) => r.id),
      },
      createdAt: now,
    });
  }
  return rows.length;
}
