import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/mutations";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { UserFacingError } from "@/lib/errors";
import { BULK_TRANSACTION } from "@/lib/rota/load-mutations";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertShiftWorker } from "@/lib/rota/access";
import { handedOverNote } from "@/lib/workflow/system-notes";
import {
  flagUnstaffed,
  pickAssignee,
  recordAssignment,
  type AssignableCase,
} from "@/lib/rota/auto-assign-mutations";
import { queueCaseNotices } from "@/lib/rota/notice-mutations";
import { findCurrentShift, findOnDutyStaff } from "@/lib/rota/on-duty-data";
import {
  CASES_CHANGED,
  CHECKLIST_ITEMS,
  handoverFieldErrors,
  handoverInputSchema,
  type HandoverInput,
} from "./schema";

type Tx = Prisma.TransactionClient;

export const HANDOVER_NOT_FOUND = "rota.handover.errors.notFound";
const MINUTE = 60_000;

export type SubmittedHandover = {
  handoverId: string;
  reassigned: number;
  unstaffed: number;
  notified: number;
};

/**
 * The outgoing staff member ends their shift: in one transaction the handover (one note for all,
 * incidents, checklist, an optional note per case) is stored, each case handed over (every open
 * case, or the selected ones) goes to the least-loaded reviewer of the incoming shift who handles
 * its service (nobody: it stays and is flagged for the supervisors), and the incoming shift is told.
 * All or nothing: a selected case that is no longer the author's refuses the whole handover. The
 * incoming shift is whoever is on duty a minute after the author's shift ends, or now when the
 * author is off duty already.
 */
export async function submitHandover(
  viewer: Viewer,
  input: HandoverInput,
  options: { now?: Date; timeZone?: string } = {},
): Promise<SubmittedHandover> {
  assertShiftWorker(viewer);
  const parsed = handoverInputSchema.safeParse(input);
  if (!parsed.success)
    throw new UserFacingError("errors.checkFields", handoverFieldErrors(parsed.error, input));
  const { note, incidents, cases, scope } = parsed.data;
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? serverEnv().ROTA_TIME_ZONE;

  return db.$transaction(async (tx) => {
    const owned = await lockAssignableCases(tx, viewer.id);
    const notes = new Map(cases.map((item) => [item.applicationId, item.note]));
    // "All": whatever is the author's now, including cases assigned since the form was loaded.
    // "Selected": each one must still be the author's open case, or nothing is handed over.
    const open = scope === "all" ? owned : owned.filter((item) => notes.has(item.id));
    if (open.length < notes.size && scope === "selected") throw new UserFacingError(CASES_CHANGED);

    const shift = await findCurrentShift(tx, { userId: viewer.id, now, timeZone });
    const incomingAt = shift ? new Date(shift.endsAt.getTime() + MINUTE) : now;
    const handover = await tx.handover.create({
      data: {
        shiftId: shift?.id ?? null,
        authorId: viewer.id,
        note,
        incidents,
        checklist: Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, true])),
        createdAt: now,
        cases: { create: open.map((item) => ({ applicationId: item.id, note: notes.get(item.id) ?? "" })) },
      },
      select: { id: true },
    });

    let reassigned = 0;
    for (const item of open) {
      const candidates = await findOnDutyStaff(tx, {
        now: incomingAt,
        role: "REVIEWER",
        serviceId: item.serviceId,
        timeZone,
      });
      const chosen = await pickAssignee(tx, candidates, [viewer.id]);
      const details = { handoverId: handover.id };
      if (chosen) {
        await recordAssignment(tx, {
          caseRow: item,
          to: chosen,
          actorId: viewer.id,
          systemNote: handedOverNote(chosen.displayName, note, notes.get(item.id)),
          audit: { action: "handover.caseReassigned", details },
          bumpVersion: true,
          now,
          timeZone,
        });
        reassigned += 1;
      } else {
        await flagUnstaffed(tx, item, {
          now,
          audit: { action: "handover.caseUnstaffed", actorId: viewer.id, details },
          bumpVersion: true,
        });
      }
    }

    const notified = await notifyIncoming(tx, {
      authorId: viewer.id,
      firstCase: open[0],
      incomingAt,
      timeZone,
      now,
    });
    const summary = { handoverId: handover.id, reassigned, unstaffed: open.length - reassigned, notified };
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "handover.submitted",
      entityType: "handover",
      entityId: handover.id,
      details: {
        shiftId: shift?.id ?? null,
        cases: open.length,
        scope,
        reassigned,
        unstaffed: summary.unstaffed,
        notified,
        incomingAt: incomingAt.toISOString(),
      },
      createdAt: now,
    });
    return summary;
  }, BULK_TRANSACTION);
}

/** FOR UPDATE: a colleague acting on one of these cases meanwhile waits, then sees the new assignee and version. */
function lockAssignableCases(tx: Tx, authorId: string) {
  return tx.$queryRaw<AssignableCase[]>`
    SELECT id::text, number, service_id::text AS "serviceId", current_node AS "currentNode", assignee_id::text AS "assigneeId"
      FROM application
     WHERE assignee_id = ${authorId}::uuid AND closed_at IS NULL
     ORDER BY id
       FOR UPDATE`;
}

/**
 * Everyone of the incoming shift hears of the handover. Notices name a case (the outbox links every
 * message to one), so a handover without open cases sends none: the handover page and the console
 * banner show it all the same.
 */
async function notifyIncoming(
  tx: Tx,
  args: {
    authorId: string;
    firstCase: AssignableCase | undefined;
    incomingAt: Date;
    timeZone: string;
    now: Date;
  },
): Promise<number> {
  if (!args.firstCase) return 0;
  const [reviewers, supervisors] = await Promise.all([
    findOnDutyStaff(tx, { now: args.incomingAt, role: "REVIEWER", timeZone: args.timeZone }),
    findOnDutyStaff(tx, { now: args.incomingAt, role: "SUPERVISOR", timeZone: args.timeZone }),
  ]);
  const recipientIds = [...reviewers, ...supervisors]
    .map((person) => person.id)
    .filter((id) => id !== args.authorId);
  return queueCaseNotices(tx, {
    recipientIds,
    caseRef: args.firstCase,
    template: "staff.handover",
    now: args.now,
  });
}

/** The incoming shift confirms it has read the handover: once, by someone other than its author. */
export async function acknowledgeHandover(
  viewer: Viewer,
  handoverId: string,
  options: { now?: Date } = {},
): Promise<void> {
  assertShiftWorker(viewer);
  if (!z.uuid().safeParse(handoverId).success) throw new UserFacingError(HANDOVER_NOT_FOUND);
  const now = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; authorId: string; acknowledgedAt: Date | null }[]>`
      SELECT id::text, author_id::text AS "authorId", acknowledged_at AS "acknowledgedAt" FROM handover WHERE id = ${handoverId}::uuid FOR UPDATE`;
    const row = rows[0];
    if (!row) throw new UserFacingError(HANDOVER_NOT_FOUND);
    if (row.authorId === viewer.id) throw new UserFacingError("rota.handover.errors.ownHandover");
    if (row.acknowledgedAt) throw new UserFacingError("rota.handover.errors.alreadyAcknowledged");
    await tx.handover.update({
      where: { id: row.id },
      data: { acknowledgedById: viewer.id, acknowledgedAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "handover.acknowledged",
      entityType: "handover",
      entityId: row.id,
      createdAt: now,
    });
  });
}
