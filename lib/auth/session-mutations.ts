import "server-only";
import { db } from "@/lib/db";

/**
 * Ends every session of the account: tokens carry the version they were issued with, and a raised
 * version refuses them all on their next request. Only when `fromVersion` is still current, so a
 * token that is already dead changes nothing.
 */
export async function endSessions(userId: string, fromVersion: number): Promise<void> {
  await db.user.updateMany({
    where: { id: userId, sessionVersion: fromVersion },
    data: { sessionVersion: { increment: 1 } },
  });
}
