import "server-only";
import { serverEnv } from "@/lib/env";
import { findCurrentShift, findOnDutyStaff } from "@/lib/rota/on-duty-data";
import type { Tx } from "@/lib/workflow/shared-mutations";

/** The supervisor(s) on duty now; nobody on duty: every active supervisor (the rota's "unstaffed" rule). */
export async function supervisorsToPage(tx: Tx, now: Date, timeZone = serverEnv().ROTA_TIME_ZONE) {
  const onDuty = await findOnDutyStaff(tx, { now, role: "SUPERVISOR", timeZone });
  if (onDuty.length > 0) return onDuty.map((user) => user.id);
  const all = await tx.user.findMany({
    where: { role: "SUPERVISOR", active: true },
    orderBy: { id: "asc" },
    select: { id: true },
    take: 200,
  });
  return all.map((user) => user.id);
}

/** The case's assignee while their shift covers `now`; otherwise the supervisors as above. */
export async function pageTargets(
  tx: Tx,
  {
    assigneeId,
    now,
    timeZone = serverEnv().ROTA_TIME_ZONE,
  }: { assigneeId: string | null; now: Date; timeZone?: string },
): Promise<string[]> {
  if (assigneeId && (await findCurrentShift(tx, { userId: assigneeId, now, timeZone }))) return [assigneeId];
  return supervisorsToPage(tx, now, timeZone);
}
