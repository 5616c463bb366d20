import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertRotaEditor, ON_DUTY_ROLES } from "./access";
import { formatClock } from "./clock";
import { STANDARD_SHIFTS, WEEKDAYS, type ShiftInput, type StandardShiftKey } from "./schema";

type Tx = Prisma.TransactionClient;

export const SHIFT_NOT_FOUND = "rota.errors.shiftNotFound";

const summaryOf = (shift: { name: string; weekday: number; startMinute: number; endMinute: number }) => ({
  name: shift.name,
  weekday: shift.weekday,
  start: formatClock(shift.startMinute),
  end: formatClock(shift.endMinute),
});

/** FOR UPDATE: two editors changing one shift are serialized; a deleted shift is "not found". */
async function lockShift(tx: Tx, shiftId: string) {
  const rows = await tx.$queryRaw<
    { id: string; name: string; weekday: number; startMinute: number; endMinute: number }[]
  >`
    SELECT id::text, name, weekday, start_minute AS "startMinute", end_minute AS "endMinute" FROM shift WHERE id = ${shiftId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new UserFacingError(SHIFT_NOT_FOUND);
  return row;
}

export async function createShift(viewer: Viewer, input: ShiftInput): Promise<{ id: string }> {
  assertRotaEditor(viewer);
  return db.$transaction(async (tx) => {
    const data = { name: input.name, weekday: input.weekday, startMinute: input.start, endMinute: input.end };
    const shift = await tx.shift.create({ data, select: { id: true } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "rota.shiftCreated",
      entityType: "shift",
      entityId: shift.id,
      details: summaryOf(data),
    });
    return shift;
  });
}

export async function updateShift(
  viewer: Viewer,
  shiftId: string,
  input: ShiftInput,
): Promise<{ id: string }> {
  assertRotaEditor(viewer);
  return db.$transaction(async (tx) => {
    const before = await lockShift(tx, shiftId);
    const data = { name: input.name, weekday: input.weekday, startMinute: input.start, endMinute: input.end };
    await tx.shift.update({ where: { id: before.id }, data, select: { id: true } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "rota.shiftUpdated",
      entityType: "shift",
      entityId: before.id,
      details: { from: summaryOf(before), to: summaryOf(data) },
    });
    return { id: before.id };
  });
}

/** Its members go with it; past handovers keep their text and lose only the link to the shift. */
export async function deleteShift(viewer: Viewer, shiftId: string): Promise<void> {
  assertRotaEditor(viewer);
  await db.$transaction(async (tx) => {
    const shift = await lockShift(tx, shiftId);
    const members = await tx.shiftMember.count({ where: { shiftId: shift.id } });
    await tx.shift.delete({ where: { id: shift.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "rota.shiftDeleted",
      entityType: "shift",
      entityId: shift.id,
      details: { ...summaryOf(shift), members },
    });
  });
}

/** Replaces who is on the shift. Only active reviewers and supervisors can be put on it. */
export async function setShiftMembers(
  viewer: Viewer,
  args: { shiftId: string; userIds: string[] },
): Promise<{ added: number; removed: number }> {
  assertRotaEditor(viewer);
  const wanted = [...new Set(args.userIds)];
  return db.$transaction(async (tx) => {
    const shift = await lockShift(tx, args.shiftId);
    const current = (
      await tx.shiftMember.findMany({ where: { shiftId: shift.id }, select: { userId: true } })
    ).map((row) => row.userId);
    const toAdd = wanted.filter((id) => !current.includes(id));
    const eligible = await tx.user.count({
      where: { id: { in: toAdd }, active: true, role: { in: [...ON_DUTY_ROLES] } },
    });
    if (eligible !== toAdd.length)
      throw new UserFacingError("errors.checkFields", { userIds: ["rota.errors.memberInvalid"] });
    const toRemove = current.filter((id) => !wanted.includes(id));
    if (toAdd.length === 0 && toRemove.length === 0) return { added: 0, removed: 0 };
    await tx.shiftMember.deleteMany({ where: { shiftId: shift.id, userId: { in: toRemove } } });
    await tx.shiftMember.createMany({
      data: toAdd.map((userId) => ({ shiftId: shift.id, userId })),
      skipDuplicates: true,
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "rota.membersChanged",
      entityType: "shift",
      entityId: shift.id,
      details: { name: shift.name, added: toAdd, removed: toRemove },
    });
    return { added: toAdd.length, removed: toRemove.length };
  });
}

/**
 * The three standard shifts on every weekday, skipping any that already exist with the same times
 * (so pressing it twice changes nothing). Names come translated from the caller.
 */
export async function createStandardShifts(
  viewer: Viewer,
  names: Record<StandardShiftKey, string>,
): Promise<{ created: number }> {
  assertRotaEditor(viewer);
  return db.$transaction(async (tx) => {
    // Serializes two editors pressing the button at once (no unique index on the times).
    await tx.$executeRaw`LOCK TABLE shift IN SHARE ROW EXCLUSIVE MODE`;
    const existing = await tx.shift.findMany({
      select: { weekday: true, startMinute: true, endMinute: true },
    });
    const has = new Set(existing.map((shift) => `${shift.weekday}:${shift.startMinute}:${shift.endMinute}`));
    const data = WEEKDAYS.flatMap((weekday) =>
      STANDARD_SHIFTS.filter((shift) => !has.has(`${weekday}:${shift.startMinute}:${shift.endMinute}`)).map(
        (shift) => ({
          name: names[shift.key],
          weekday,
          startMinute: shift.startMinute,
          endMinute: shift.endMinute,
        }),
      ),
    );
    if (data.length === 0) return { created: 0 };
    await tx.shift.createMany({ data });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "rota.standardShiftsCreated",
      entityType: "shift",
      entityId: null,
      details: { created: data.length },
    });
    return { created: data.length };
  });
}
