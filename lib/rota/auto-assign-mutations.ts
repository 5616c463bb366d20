import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import { checkLoad } from "./load-mutations";
import { autoAssignedNote, systemNoteColumns, type StoredSystemNote } from "@/lib/workflow/system-notes";
import { activeSupervisorIds, queueCaseNotices } from "./notice-mutations";
import { findOnDutyStaff, type OnDutyStaff } from "./on-duty-data";

type Tx = Prisma.TransactionClient;

export type AssignOnDutyArgs = {
  applicationId: string;
  serviceId: string;
  /**
   * "new": just submitted; "returned": back from the applicant with the supplement; "lapsed": back
   * to staff because the supplement's due time passed unanswered (treated like "returned").
   */
  reason: "new" | "returned" | "lapsed";
  now: Date;
  /** Tests pin the zone; by default ROTA_TIME_ZONE. */
  timeZone?: string;
};

/** An open case as the assignment code needs it (also handover and rebalance). */
export type AssignableCase = {
  id: string;
  number: string;
  serviceId: string;
  assigneeId: string | null;
  currentNode: WorkflowNode;
};

/**
 * Called inside the transaction that creates a case or brings it back from the applicant: the case
 * goes to the least-loaded on-duty reviewer who handles its service. A returned case stays with its
 * assignee while they are on duty. Nobody on duty: the case is flagged (unstaffed_at) and every
 * active supervisor is told; a returned case then stays with whoever had it (they know it best, and
 * taking it away would leave it with nobody).
 *
 * The version is not bumped here: the caller's transaction already counts as one version step (it
 * returns expectedVersion + 1, or creates the row), and clients compare versions, not row contents.
 */
export async function assignOnDuty(
  tx: Tx,
  args: AssignOnDutyArgs,
): Promise<{ assigneeId: string | null } | null> {
  const { applicationId, serviceId, reason, now, timeZone } = args;
  const row = await tx.application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      number: true,
      serviceId: true,
      assigneeId: true,
      currentNode: true,
      closedAt: true,
    },
  });
  if (!row || row.closedAt) return null;
  const candidates = await findOnDutyStaff(tx, { now, role: "REVIEWER", serviceId, timeZone });
  if (reason !== "new" && row.assigneeId && (await isOnDuty(tx, row.assigneeId, candidates, now, timeZone))) {
    await tx.application.updateMany({
      where: { id: row.id, unstaffedAt: { not: null } },
      data: { unstaffedAt: null },
    });
    return { assigneeId: row.assigneeId };
  }
  const chosen = await pickAssignee(tx, candidates);
  if (chosen) {
    await recordAssignment(tx, {
      caseRow: row,
      to: chosen,
      actorId: null,
      systemNote: autoAssignedNote(chosen.displayName),
      audit: { action: "rota.autoAssigned", details: { reason, openCases: chosen.openCases } },
      bumpVersion: false,
      now,
      timeZone,
    });
    return { assigneeId: chosen.id };
  }
  await flagUnstaffed(tx, row, {
    now,
    audit: { action: "rota.unstaffed", actorId: null, details: { reason } },
  });
  return { assigneeId: row.assigneeId };
}

async function isOnDuty(
  tx: Tx,
  userId: string,
  reviewers: OnDutyStaff[],
  now: Date,
  timeZone?: string,
): Promise<boolean> {
  if (reviewers.some((reviewer) => reviewer.id === userId)) return true;
  // A supervisor who took the case personally keeps it too while on duty.
  const supervisors = await findOnDutyStaff(tx, { now, role: "SUPERVISOR", timeZone });
  return supervisors.some((supervisor) => supervisor.id === userId);
}

/**
 * The first candidate still active, locked FOR SHARE: a deactivation (which unassigns the person's
 * open cases) waits for this transaction, or this one sees the person inactive and moves on.
 */
export async function pickAssignee(
  tx: Tx,
  candidates: OnDutyStaff[],
  exclude: readonly string[] = [],
): Promise<OnDutyStaff | null> {
  for (const candidate of candidates) {
    if (exclude.includes(candidate.id)) continue;
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM "user" WHERE id = ${candidate.id}::uuid AND active AND role = 'REVIEWER' FOR SHARE`;
    if (rows.length > 0) return candidate;
  }
  return null;
}

type AssignmentArgs = {
  caseRow: AssignableCase;
  to: { id: string; displayName: string };
  /** null: the system chose. */
  actorId: string | null;
  /** Staff-only, stored as key + parameters (lib/workflow/system-notes.ts). */
  systemNote: StoredSystemNote;
  audit: { action: string; details?: Record<string, string | number | null> };
  /** False inside a caller's transaction that already stepped the version. */
  bumpVersion: boolean;
  now: Date;
  timeZone?: string;
};

/**
 * Assignment with its traces: timeline (ASSIGNED, staff-only note), audit, an in-app notice to the
 * assignee, and the load check of both people (the new one may pass the service's threshold; the
 * previous one may drop back under it, which re-arms their warning).
 */
export async function recordAssignment(
  tx: Tx,
  { caseRow, to, actorId, systemNote, audit, bumpVersion, now, timeZone }: AssignmentArgs,
) {
  await tx.application.update({
    where: { id: caseRow.id },
    data: {
      assigneeId: to.id,
      unstaffedAt: null,
      updatedAt: now,
      ...(bumpVersion ? { version: { increment: 1 } } : {}),
    },
    select: { id: true },
  });
  await tx.timelineEvent.create({
    data: {
      applicationId: caseRow.id,
      node: caseRow.currentNode,
      action: "ASSIGNED",
      actorId,
      ...systemNoteColumns(systemNote),
      occurredAt: now,
    },
  });
  await recordAudit(tx, {
    actorId,
    action: audit.action,
    entityType: "application",
    entityId: caseRow.id,
    details: {
      number: caseRow.number,
      previousAssigneeId: caseRow.assigneeId,
      assigneeId: to.id,
      ...audit.details,
    },
    createdAt: now,
  });
  await queueCaseNotices(tx, { recipientIds: [to.id], caseRef: caseRow, template: "staff.assigned", now });
  const load = { serviceId: caseRow.serviceId, caseRef: caseRow, now, timeZone };
  await checkLoad(tx, { ...load, userId: to.id });
  if (caseRow.assigneeId && caseRow.assigneeId !== to.id)
    await checkLoad(tx, { ...load, userId: caseRow.assigneeId });
}

/** Nobody on duty can take the case: it is flagged for the supervisors' queue and every active supervisor hears of it. */
export async function flagUnstaffed(
  tx: Tx,
  caseRow: AssignableCase,
  {
    now,
    audit,
    bumpVersion = false,
  }: {
    now: Date;
    audit: { action: string; actorId: string | null; details?: Record<string, string> };
    bumpVersion?: boolean;
  },
) {
  await tx.application.update({
    where: { id: caseRow.id },
    data: { unstaffedAt: now, updatedAt: now, ...(bumpVersion ? { version: { increment: 1 } } : {}) },
    select: { id: true },
  });
  const supervisors = await activeSupervisorIds(tx);
  await recordAudit(tx, {
    actorId: audit.actorId,
    action: audit.action,
    entityType: "application",
    entityId: caseRow.id,
    details: {
      number: caseRow.number,
      assigneeId: caseRow.assigneeId,
      notifiedSupervisors: supervisors.length,
      ...audit.details,
    },
    createdAt: now,
  });
  await queueCaseNotices(tx, {
    recipientIds: supervisors,
    caseRef: caseRow,
    template: "staff.unstaffed",
    now,
  });
}
