import "server-only";
import type { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { coversInstant, localTime, minutesUntilEnd } from "./shift-time";

type Client = typeof db | Prisma.TransactionClient;

export type OnDutyStaff = { id: string; displayName: string; role: Role; openCases: number };

/**
 * Active staff of `role` whose shift covers `now` (for reviewers with a service: only those who
 * handle it), least-loaded first (open cases assigned), then by id so the choice is stable.
 * No authorization here: it is called by the system (assignment, overdue watch), not by a viewer.
 */
export async function findOnDutyStaff(
  client: Client,
  {
    now,
    role,
    serviceId,
    timeZone = serverEnv().ROTA_TIME_ZONE,
  }: { now: Date; role: "REVIEWER" | "SUPERVISOR"; serviceId?: string; timeZone?: string },
): Promise<OnDutyStaff[]> {
  const today = localTime(now, timeZone).weekday;
  const yesterday = ((today + 5) % 7) + 1;
  const shifts = await client.shift.findMany({
    // Yesterday's night shifts may still be running.
    where: { weekday: { in: [today, yesterday] } },
    select: {
      weekday: true,
      startMinute: true,
      endMinute: true,
      members: {
        where: {
          user: {
            active: true,
            role,
            ...(role === "REVIEWER" && serviceId ? { handledServices: { some: { serviceId } } } : {}),
          },
        },
        select: { user: { select: { id: true, displayName: true, role: true } } },
      },
    },
  });
  const onDuty = new Map<string, Omit<OnDutyStaff, "openCases">>();
  for (const shift of shifts) {
    if (!coversInstant(shift, now, timeZone)) continue;
    for (const { user } of shift.members) onDuty.set(user.id, user);
  }
  if (onDuty.size === 0) return [];
  const loads = await client.application.groupBy({
    by: ["assigneeId"],
    where: { assigneeId: { in: [...onDuty.keys()] }, closedAt: null },
    _count: { _all: true },
  });
  const load = new Map(loads.map((row) => [row.assigneeId, row._count._all]));
  return [...onDuty.values()]
    .map((user) => ({ ...user, openCases: load.get(user.id) ?? 0 }))
    .sort((a, b) => a.openCases - b.openCases || a.id.localeCompare(b.id));
}

/**
 * The shift `userId` is on at `now` and the instant it ends (of overlapping shifts, the one that
 * runs longest), or null when they are off duty.
 */
export async function findCurrentShift(
  client: Client,
  { userId, now, timeZone = serverEnv().ROTA_TIME_ZONE }: { userId: string; now: Date; timeZone?: string },
): Promise<{ id: string; name: string; endsAt: Date } | null> {
  const at = localTime(now, timeZone);
  const yesterday = ((at.weekday + 5) % 7) + 1;
  const shifts = await client.shift.findMany({
    where: { weekday: { in: [at.weekday, yesterday] }, members: { some: { userId } } },
    select: { id: true, name: true, weekday: true, startMinute: true, endMinute: true },
  });
  let current: { id: string; name: string; endsAt: Date } | null = null;
  for (const shift of shifts) {
    const minutes = minutesUntilEnd(shift, at);
    if (minutes === null) continue;
    // Local minutes, so the seconds already gone in this minute come off.
    const endsAt = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + minutes * 60_000);
    if (!current || endsAt > current.endsAt) current = { id: shift.id, name: shift.name, endsAt };
  }
  return current;
}
