import "server-only";
import { db } from "@/lib/db";

export function findUserForSignIn(email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, email: true, displayName: true, role: true, active: true, passwordHash: true, locale: true },
  });
}

/** The account as it is now: role and status are re-read on every check, never trusted from the session. */
export function findActiveUser(id: string) {
  return db.user.findFirst({
    where: { id, active: true },
    select: { id: true, email: true, displayName: true, role: true, locale: true },
  });
}
