import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { assignOnDuty } from "@/lib/rota/auto-assign-mutations";
import { queueApplicantNotice, queueStaffNotice, type LockedCase, type Tx } from "./shared-mutations";
import { REMINDER_HOURS, reminderDue } from "./supplement-deadline";
import { systemNoteColumns } from "./system-notes";

/** Rows per transaction: short transactions, so a case is never held up for long. */
export const DEADLINE_BATCH_SIZE = 50;

export type DeadlineOptions = { now?: Date; batchSize?: number; timeZone?: string };

const CASE_COLUMNS = `a.id::text, a.number, a.applicant_id::text, a.assignee_id::text, a.service_id::text, a.tier,
           a.current_node, a.status, a.payment_status, a.version, a.email, a.phone, a.locale,
           a.fee_base_minor, a.fee_surcharge_minor, a.currency, s.requires_expert_review`;

type ReminderRow = LockedCase & {
  request_id: string;
  due_at: Date;
  set_at: Date;
  reminded_hours: number | null;
};

/**
 * Reminders before a supplement's due time (decision 034), one pass. Each lead time goes out at
 * most once per due time: the request row is claimed FOR NO KEY UPDATE SKIP LOCKED and its
 * reminded_hours moved down in the same transaction, so concurrent or late runs never repeat one.
 * A request answered or cancelled meanwhile is no longer OPEN when the lock is taken (READ
 * COMMITTED re-checks the row) and gets nothing.
 */
export async function runSupplementReminders({
  now = new Date(),
  batchSize = DEADLINE_BATCH_SIZE,
}: DeadlineOptions = {}): Promise<number> {
  const longest = Math.max(...REMINDER_HOURS);
  const shortest = Math.min(...REMINDER_HOURS);
  let sent = 0;
  // Keyset over (due_at, id): rows with nothing due yet stay behind without being read again.
  let after: { dueAt: Date; id: string } = { dueAt: new Date(0), id: "00000000-0000-0000-0000-000000000000" };
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<ReminderRow[]>(
        `SELECT ${CASE_COLUMNS}, r.id::text AS request_id, r.due_at,
                COALESCE(r.extended_at, r.created_at) AS set_at, r.reminded_hours
           FROM supplement_request r
           JOIN application a ON a.id = r.application_id
           JOIN service_type s ON s.id = a.service_id
          WHERE r.status = 'OPEN' AND a.closed_at IS NULL
            AND r.due_at > $1 AND r.due_at <= $1 + make_interval(hours => $2::int)
            AND (r.reminded_hours IS NULL OR r.reminded_hours > $3::int)
            AND (r.due_at, r.id) > ($4, $5::uuid)
          ORDER BY r.due_at, r.id
          LIMIT $6
            FOR NO KEY UPDATE OF r SKIP LOCKED`,
        now,
        longest,
        shortest,
        after.dueAt,
        after.id,
        batchSize,
      );
      let count = 0;
      for (const row of rows) {
        const hours = reminderDue({
          dueAt: row.due_at,
          setAt: row.set_at,
          remindedHours: row.reminded_hours,
          now,
        });
        if (hours === null) continue;
        await tx.supplementRequest.update({ where: { id: row.request_id }, data: { remindedHours: hours } });
        await queueApplicantNotice(tx, row, "case.supplementReminder", now, {
          dueAt: row.due_at.toISOString(),
        });
        count += 1;
      }
      const last = rows.at(-1);
      return { claimed: rows.length, count, last };
    });
    sent += batch.count;
    if (batch.claimed < batchSize || !batch.last) break;
    after = { dueAt: batch.last.due_at, id: batch.last.request_id };
  }
  return sent;
}

type LapseRow = LockedCase & { request_id: string; due_at: Date };

/**
 * The lapse watch, one pass: an open request whose due time has passed unanswered sends its case
 * back to staff, flagged (supplement_lapsed_at), once per due time. The case row is claimed FOR NO
 * KEY UPDATE SKIP LOCKED and the flag set in the same transaction, so concurrent watchers never take
 * the same case, and a case answered meanwhile (it left AWAITING_SUPPLEMENT) no longer matches.
 *
 * Who hears of it follows the rota's rule for a case coming back (lib/rota/auto-assign-mutations.ts):
 * the assignee while on duty, else the least-loaded reviewer on duty, else every supervisor (the
 * case is flagged unstaffed). The version is left alone like the overdue watch's flags: the
 * applicant may still answer from a page loaded before.
 */
export async function runSupplementLapse({
  now = new Date(),
  batchSize = DEADLINE_BATCH_SIZE,
  timeZone,
}: DeadlineOptions = {}): Promise<number> {
  let lapsed = 0;
  for (let claimed = batchSize; claimed === batchSize;) {
    claimed = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<LapseRow[]>(
        `SELECT ${CASE_COLUMNS}, r.id::text AS request_id, r.due_at
           FROM application a
           JOIN service_type s ON s.id = a.service_id
           JOIN supplement_request r ON r.application_id = a.id AND r.status = 'OPEN'
          WHERE a.closed_at IS NULL AND a.current_node = 'AWAITING_SUPPLEMENT'
            AND a.supplement_lapsed_at IS NULL AND r.due_at <= $1
          ORDER BY r.due_at, a.id
          LIMIT $2
            FOR NO KEY UPDATE OF a SKIP LOCKED`,
        now,
        batchSize,
      );
      for (const row of rows) await flagLapsed(tx, row, now, timeZone);
      return rows.length;
    });
    lapsed += claimed;
  }
  return lapsed;
}

async function flagLapsed(tx: Tx, row: LapseRow, now: Date, timeZone?: string) {
  await tx.$executeRaw`UPDATE application SET supplement_lapsed_at = ${now} WHERE id = ${row.id}::uuid`;
  await tx.supplementRequest.update({ where: { id: row.request_id }, data: { lapsedAt: now } });
  await tx.timelineEvent.create({
    data: {
      applicationId: row.id,
      node: row.current_node,
      action: "SUPPLEMENT_LAPSED",
      actorId: null,
      ...systemNoteColumns({ key: "supplementLapsed", params: {} }),
      occurredAt: now,
      dueAt: row.due_at,
    },
  });
  const assigned = await assignOnDuty(tx, {
    applicationId: row.id,
    serviceId: row.service_id,
    reason: "lapsed",
    now,
    timeZone,
  });
  const holder = assigned?.assigneeId ?? row.assignee_id;
  // With nobody on duty the supervisors were already told (staff.unstaffed); the holder hears why.
  if (holder) await queueStaffNotice(tx, holder, row, "staff.supplementLapsed", now);
  await recordAudit(tx, {
    actorId: null,
    action: "sla.supplementLapsed",
    entityType: "application",
    entityId: row.id,
    details: {
      number: row.number,
      supplementRequestId: row.request_id,
      dueAt: row.due_at.toISOString(),
      assigneeId: holder,
    },
    createdAt: now,
  });
}
