import "server-only";
import { initialDueDates } from "@/lib/applications/deadline";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assignOnDuty } from "./auto-assign-mutations";

/** Per run; the worker runs this every minute. */
const SCHEDULED_BATCH = 50;

type Tx = Prisma.TransactionClient;
type ScheduledRow = { id: string };

/**
 * Cases filed at night with "start next morning" whose start has come (decision 035): each is
 * timed from its scheduled start, the instant the applicant was told, not from whenever this run
 * happens, then assigned by the usual rules (nobody on duty: flagged for the supervisors, as any
 * new case). Run by the worker every minute, like assignWaitingCases.
 */
export async function startScheduledCases({
  now = new Date(),
  timeZone,
}: { now?: Date; timeZone?: string } = {}): Promise<number> {
  const due = await db.$queryRaw<ScheduledRow[]>`
    SELECT id::text FROM application
     WHERE scheduled_start_at IS NOT NULL AND scheduled_start_at <= ${now} AND closed_at IS NULL
     ORDER BY scheduled_start_at, id
     LIMIT ${SCHEDULED_BATCH}`;
  let started = 0;
  for (const row of due) {
    if (await db.$transaction((tx) => startIfStillScheduled(tx, row.id, now, timeZone))) started += 1;
  }
  return started;
}

async function startIfStillScheduled(tx: Tx, id: string, now: Date, timeZone?: string) {
  // Locked and re-checked: another worker may have started it since the list was read.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM application
     WHERE id = ${id}::uuid AND scheduled_start_at IS NOT NULL AND scheduled_start_at <= ${now}
       AND closed_at IS NULL
       FOR UPDATE SKIP LOCKED`;
  if (locked.length === 0) return false;
  const row = await tx.application.findUniqueOrThrow({
    where: { id },
    select: {
      serviceId: true,
      tier: true,
      currentNode: true,
      nodeDueAt: true,
      caseDueAt: true,
      assigneeId: true,
      scheduledStartAt: true,
    },
  });
  const startAt = row.scheduledStartAt!;
  // Staff may have picked it up early (a supervisor assigning or moving it): then its step is
  // already timed and stays so; the case as a whole is still timed from the start.
  const untouched = row.currentNode === "SUBMITTED" && row.nodeDueAt === null;
  const tier = await tx.serviceTier.findFirst({
    where: { serviceId: row.serviceId, tier: row.tier },
    select: { processingHours: true, nodeTargets: { select: { node: true, targetMinutes: true } } },
  });
  const timed = tier
    ? initialDueDates({
        submittedAt: startAt,
        processingHours: tier.processingHours,
        nodeTargets: tier.nodeTargets,
      })
    : null;
  await tx.application.update({
    where: { id },
    data: {
      scheduledStartAt: null,
      ...(timed && untouched ? { nodeDueAt: timed.nodeDueAt, nodeEnteredAt: startAt } : {}),
      ...(timed && !row.caseDueAt ? { caseDueAt: timed.caseDueAt } : {}),
      updatedAt: now,
      // Its own change: open pages see the new version and refresh.
      version: { increment: 1 },
    },
    select: { id: true },
  });
  if (!row.assigneeId)
    await assignOnDuty(tx, { applicationId: id, serviceId: row.serviceId, reason: "new", now, timeZone });
  return true;
}
