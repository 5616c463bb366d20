import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordProblem, type PasswordOwner } from "@/lib/auth/password-strength";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { SIGN_IN_PER_ACCOUNT } from "@/lib/auth/throttle";
import { limitKey } from "@/lib/rate-limit/gcra";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { CreateStaffInput, StaffRole } from "./schema";

type Tx = Prisma.TransactionClient;
type LockedStaff = { id: string; email: string; role: Role; active: boolean };

export const STAFF_NOT_FOUND = "admin.staff.errors.notFound";
export const NOT_SELF = "admin.staff.errors.notSelf";

/**
 * Locks the account row for the rest of the transaction, so two admins changing the same person
 * at once are serialized. Applicants are not staff: they look like a missing account.
 */
async function lockStaff(tx: Tx, userId: string): Promise<LockedStaff> {
  if (!z.uuid().safeParse(userId).success) throw new UserFacingError(STAFF_NOT_FOUND);
  const rows = await tx.$queryRaw<LockedStaff[]>`
    SELECT id, email, role::text AS role, active FROM "user" WHERE id = ${userId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row || !STAFF_ROLES.includes(row.role)) throw new UserFacingError(STAFF_NOT_FOUND);
  return row;
}

/** Checked here, where the hash is made, so no way of setting a staff password skips the check. */
async function hashAcceptedPassword(password: string, owner: PasswordOwner): Promise<string> {
  const problem = await newPasswordProblem(password, owner);
  if (problem) throw new UserFacingError("errors.checkFields", { password: [problem] });
  return hashPassword(password);
}

export async function createStaffAccount(viewer: Viewer, input: CreateStaffInput): Promise<{ id: string }> {
  assertArea(viewer, "admin");
  return insertStaffAccount(viewer.id, input);
}

/**
 * The first administrator of a production database, made from the command line (`npm run admin:create`)
 * because production never seeds accounts (decision 017). The audit row has no actor: the operator
 * at the server's console did it. Same rules as the console's form: email unique, password strong.
 */
export async function createAdministrator(input: Omit<CreateStaffInput, "role">): Promise<{ id: string }> {
  return insertStaffAccount(null, { ...input, role: "ADMIN" });
}

async function insertStaffAccount(actorId: string | null, input: CreateStaffInput): Promise<{ id: string }> {
  // Hashed before the transaction: a hash's memory and time should not hold a connection and its locks.
  const passwordHash = await hashAcceptedPassword(input.password, input);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          locale: input.locale,
          passwordHash,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId,
        action: "staff.created",
        entityType: "user",
        entityId: user.id,
        details: { email: input.email, role: input.role, ...(actorId ? {} : { via: "command line" }) },
      });
      return user;
    });
  } catch (error) {
    // The unique index decides (applicants included), so two simultaneous creations cannot both win.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserFacingError("errors.checkFields", { email: ["admin.staff.errors.emailTaken"] });
    }
    throw error;
  }
}

/**
 * Deactivation also takes the person off every open case (the queue then shows them unassigned),
 * in the same transaction; their sign-in stops working at once because every request re-reads the account.
 */
export async function setStaffActive(
  viewer: Viewer,
  args: { userId: string; active: boolean },
): Promise<{ unassignedCases: number }> {
  assertArea(viewer, "admin");
  if (!args.active && args.userId === viewer.id) throw new UserFacingError(NOT_SELF);
  return db.$transaction(async (tx) => {
    const staff = await lockStaff(tx, args.userId);
    if (staff.active === args.active) return { unassignedCases: 0 };
    await tx.user.update({ where: { id: staff.id }, data: { active: args.active }, select: { id: true } });
    if (args.active) {
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "staff.reactivated",
        entityType: "user",
        entityId: staff.id,
      });
      return { unassignedCases: 0 };
    }
    const unassignedCases = await tx.$executeRaw`
      UPDATE application SET assignee_id = NULL, version = version + 1, updated_at = now()
       WHERE assignee_id = ${staff.id}::uuid AND closed_at IS NULL`;
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "staff.deactivated",
      entityType: "user",
      entityId: staff.id,
      details: { unassignedCases },
    });
    return { unassignedCases };
  });
}

/** The password itself never reaches the audit log, only whether it was generated. */
export async function resetStaffPassword(
  viewer: Viewer,
  args: { userId: string; password: string; generated: boolean },
): Promise<void> {
  assertArea(viewer, "admin");
  // Read before the hash for the strength check (their name and email); locked and re-checked below.
  const owner = z.uuid().safeParse(args.userId).success
    ? await db.user.findUnique({ where: { id: args.userId }, select: { email: true, displayName: true } })
    : null;
  if (!owner) throw new UserFacingError(STAFF_NOT_FOUND);
  const passwordHash = await hashAcceptedPassword(args.password, owner);
  await db.$transaction(async (tx) => {
    const staff = await lockStaff(tx, args.userId);
    await tx.user.update({ where: { id: staff.id }, data: { passwordHash }, select: { id: true } });
    // A colleague locked out by failed attempts can sign in with the new password straight away.
    await tx.rateLimit.deleteMany({ where: { key: limitKey(SIGN_IN_PER_ACCOUNT, staff.email) } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "staff.passwordReset",
      entityType: "user",
      entityId: staff.id,
      details: { generated: args.generated },
    });
  });
}

/** Only among staff roles; an admin never changes their own role (no demoting the last admin by accident). */
export async function changeStaffRole(
  viewer: Viewer,
  args: { userId: string; role: StaffRole },
): Promise<void> {
  assertArea(viewer, "admin");
  if (!STAFF_ROLES.includes(args.role)) throw new UserFacingError("admin.staff.errors.roleInvalid");
  if (args.userId === viewer.id) throw new UserFacingError(NOT_SELF);
  await db.$transaction(async (tx) => {
    const staff = await lockStaff(tx, args.userId);
    if (staff.role === args.role) return;
    await tx.user.update({ where: { id: staff.id }, data: { role: args.role }, select: { id: true } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "staff.roleChanged",
      entityType: "user",
      entityId: staff.id,
      details: { from: staff.role, to: args.role },
    });
  });
}

/**
 * Replaces the services a staff member handles. Active services can be added; an inactive one
 * they already have may stay, but not be added anew.
 */
export async function setStaffServices(
  viewer: Viewer,
  args: { userId: string; serviceIds: string[] },
): Promise<{ added: number; removed: number }> {
  assertArea(viewer, "admin");
  const wanted = new Set(args.serviceIds);
  return db.$transaction(async (tx) => {
    const staff = await lockStaff(tx, args.userId);
    const current = await tx.staffService.findMany({
      where: { userId: staff.id },
      select: { serviceId: true, service: { select: { code: true } } },
    });
    const currentIds = new Set(current.map((row) => row.serviceId));
    const toAdd = [...wanted].filter((id) => !currentIds.has(id));
    const addable = await tx.serviceType.findMany({
      where: { id: { in: toAdd }, active: true },
      select: { id: true, code: true },
    });
    if (addable.length !== toAdd.length)
      throw new UserFacingError("errors.checkFields", { serviceIds: ["admin.staff.errors.serviceInvalid"] });
    const removed = current.filter((row) => !wanted.has(row.serviceId));
    if (addable.length === 0 && removed.length === 0) return { added: 0, removed: 0 };
    await tx.staffService.deleteMany({
      where: { userId: staff.id, serviceId: { in: removed.map((row) => row.serviceId) } },
    });
    await tx.staffService.createMany({
      data: addable.map((service) => ({ userId: staff.id, serviceId: service.id })),
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "staff.servicesChanged",
      entityType: "user",
      entityId: staff.id,
      details: {
        added: addable.map((service) => service.code).sort(),
        removed: removed.map((row) => row.service.code).sort(),
      },
    });
    return { added: addable.length, removed: removed.length };
  });
}
