import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { UserFacingError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertRotaEditor } from "./access";
import { rebalancedNote } from "@/lib/workflow/system-notes";
import { pickAssignee, recordAssignment, type AssignableCase } from "./auto-assign-mutations";
import { BULK_TRANSACTION } from "./load-mutations";
import { findOnDutyStaff, type OnDutyStaff } from "./on-duty-data";
import {
  NOBODY_ELIGIBLE,
  REBALANCE_CASES_CHANGED,
  TARGET_NOT_ELIGIBLE,
  rebalanceInputSchema,
  type RebalanceInput,
} from "./rebalance-schema";

type Tx = Prisma.TransactionClient;

export type Rebalanced = { moved: number; assignees: Record<string, number> };

/**
 * A supervisor (or administrator) moves many of one person's open cases at once: all to one
 * eligible colleague on duty, or each to the least-loaded eligible reviewer on duty. All or nothing:
 * a case no longer the person's, or a case nobody eligible can take, refuses the whole step.
 * Eligible: active, on duty now, and a reviewer who handles the case's service or a supervisor.
 */
export async function rebalanceCases(
  viewer: Viewer,
  input: RebalanceInput,
  options: { now?: Date; timeZone?: string } = {},
): Promise<Rebalanced> {
  assertRotaEditor(viewer);
  const parsed = rebalanceInputSchema.safeParse(input);
  if (!parsed.success) throw new UserFacingError(parsed.error.issues[0]?.message ?? "errors.checkFields");
  const { fromUserId, mode, toUserId, note, applicationIds } = parsed.data;
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? serverEnv().ROTA_TIME_ZONE;

  return db.$transaction(async (tx) => {
    const cases = await tx.$queryRaw<AssignableCase[]>`
      SELECT id::text, number, service_id::text AS "serviceId", current_node AS "currentNode", assignee_id::text AS "assigneeId"
        FROM application
       WHERE id = ANY(${applicationIds}::uuid[]) AND assignee_id = ${fromUserId}::uuid AND closed_at IS NULL
       ORDER BY id
         FOR UPDATE`;
    if (cases.length !== applicationIds.length) throw new UserFacingError(REBALANCE_CASES_CHANGED);

    const assignees: Record<string, number> = {};
    for (const item of cases) {
      const chosen =
        mode === "person"
          ? await eligiblePerson(tx, toUserId!, item.serviceId, now, timeZone)
          : await pickAssignee(tx, await reviewersFor(tx, item.serviceId, now, timeZone), [fromUserId]);
      if (!chosen)
        throw new UserFacingError(mode === "person" ? TARGET_NOT_ELIGIBLE : NOBODY_ELIGIBLE, {
          [mode === "person" ? "toUserId" : "mode"]: [
            mode === "person" ? TARGET_NOT_ELIGIBLE : NOBODY_ELIGIBLE,
          ],
        });
      await recordAssignment(tx, {
        caseRow: item,
        to: chosen,
        actorId: viewer.id,
        systemNote: rebalancedNote(chosen.displayName, note),
        audit: { action: "rota.caseRebalanced", details: { mode } },
        bumpVersion: true,
        now,
        timeZone,
      });
      assignees[chosen.id] = (assignees[chosen.id] ?? 0) + 1;
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "rota.rebalanced",
      entityType: "user",
      entityId: fromUserId,
      details: {
        mode,
        cases: cases.length,
        // A list of {person, count} rather than a map keyed by id, so the audit log can name each person.
        assignees: Object.entries(assignees).map(([assigneeId, count]) => ({ assigneeId, cases: count })),
      },
      createdAt: now,
    });
    return { moved: cases.length, assignees };
  }, BULK_TRANSACTION);
}

function reviewersFor(tx: Tx, serviceId: string, now: Date, timeZone: string) {
  return findOnDutyStaff(tx, { now, role: "REVIEWER", serviceId, timeZone });
}

/** The chosen person, when on duty now and able to take a case of this service (locked FOR SHARE by pickAssignee or here). */
async function eligiblePerson(
  tx: Tx,
  userId: string,
  serviceId: string,
  now: Date,
  timeZone: string,
): Promise<OnDutyStaff | null> {
  const reviewer = (await reviewersFor(tx, serviceId, now, timeZone)).find((person) => person.id === userId);
  if (reviewer) return pickAssignee(tx, [reviewer]);
  const supervisor = (await findOnDutyStaff(tx, { now, role: "SUPERVISOR", timeZone })).find(
    (person) => person.id === userId,
  );
  if (!supervisor) return null;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "user" WHERE id = ${userId}::uuid AND active AND role = 'SUPERVISOR' FOR SHARE`;
  return rows.length > 0 ? supervisor : null;
}
