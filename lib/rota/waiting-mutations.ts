import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import { autoAssignedNote } from "@/lib/workflow/system-notes";
import { pickAssignee, recordAssignment } from "./auto-assign-mutations";
import { findOnDutyStaff } from "./on-duty-data";

/** Per run; the worker runs this every minute, so a busier morning drains over a few minutes. */
const WAITING_BATCH = 50;

type WaitingCase = { id: string; number: string; serviceId: string; currentNode: WorkflowNode };

/**
 * Cases flagged "nobody on duty" that still have nobody go to a reviewer as soon as one who handles
 * the service is on duty: run by the worker with the overdue watch, so the first shift after a quiet
 * night finds them in its own queue instead of waiting for a supervisor to hand them out. Most
 * urgent and longest waiting first. A case that still has nobody stays flagged, and its supervisors
 * are not told again (they were when it was flagged).
 */
export async function assignWaitingCases({
  now = new Date(),
  timeZone,
}: { now?: Date; timeZone?: string } = {}): Promise<number> {
  const waiting = await db.$queryRaw<WaitingCase[]>`
    SELECT id::text, number, service_id::text AS "serviceId", current_node AS "currentNode"
      FROM application
     WHERE unstaffed_at IS NOT NULL AND assignee_id IS NULL AND closed_at IS NULL
     ORDER BY tier DESC, unstaffed_at, id
     LIMIT ${WAITING_BATCH}`;
  let assigned = 0;
  for (const row of waiting) {
    if (await db.$transaction((tx) => assignIfStillWaiting(tx, row, now, timeZone))) assigned += 1;
  }
  return assigned;
}

async function assignIfStillWaiting(
  tx: Prisma.TransactionClient,
  row: WaitingCase,
  now: Date,
  timeZone?: string,
) {
  // Locked and re-checked: a supervisor (or another worker) may have taken it since the list was read.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM application
     WHERE id = ${row.id}::uuid AND unstaffed_at IS NOT NULL AND assignee_id IS NULL AND closed_at IS NULL
       FOR UPDATE SKIP LOCKED`;
  if (locked.length === 0) return false;
  const chosen = await pickAssignee(
    tx,
    await findOnDutyStaff(tx, { now, role: "REVIEWER", serviceId: row.serviceId, timeZone }),
  );
  if (!chosen) return false;
  await recordAssignment(tx, {
    caseRow: { ...row, assigneeId: null },
    to: chosen,
    actorId: null,
    systemNote: autoAssignedNote(chosen.displayName),
    audit: { action: "rota.autoAssigned", details: { reason: "onDutyAgain", openCases: chosen.openCases } },
    // Its own change, outside any other: open pages see the new version and refresh.
    bumpVersion: true,
    now,
    timeZone,
  });
  return true;
}
