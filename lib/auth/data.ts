import "server-only";
import { db } from "@/lib/db";

export function findUserForSignIn(email: string) {
  return db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      active: true,
      passwordHash: true,
      locale: true,
    },
  });
}

/**
 * The account as it is now: role and status are re-read on every check, never trusted from the session.
 * A session whose version is no longer the account's (signed out, password or role changed) finds nobody.
 */
export function findActiveUser(id: string, sessionVersion: number) {
  return db.user.findFirst({
    where: { id, active: true, sessionVersion },
    select: { id: true, email: true, displayName: true, role: true, locale: true },
  });
}

export async function findSessionVersion(id: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}
