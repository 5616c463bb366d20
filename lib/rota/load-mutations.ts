import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import type { Prisma } from "@/lib/generated/prisma/client";
import { activeSupervisorIds, queueCaseNotices, type CaseRef } from "./notice-mutations";
import { findOnDutyStaff } from "./on-duty-data";

type Tx = Prisma.TransactionClient;

/**
 * For transactions that move up to a few hundred cases (bulk handover, rebalance): each case is a
 * dozen statements, which can outlast the default 5 s on a busy machine; the rows stay locked meanwhile.
 */
export const BULK_TRANSACTION = { timeout: 60_000 } as const;

export type LoadCheck = "warned" | "over" | "under" | "noThreshold";

/**
 * Re-reads one person's open load of one service (open cases of that service assigned to them:
 * the threshold is the service's, so the count is too; decision 025) after cases moved to or from
 * them. Over the threshold and not yet warned: the supervisors on duty (every active supervisor when
 * none is on duty) get one in-app notice about the case that tipped it. The load_warning row stands
 * while the load stays over; a check that finds it at or under the threshold removes it, so the next
 * crossing warns again.
 *
 * The transaction-scoped advisory lock per (person, service) serializes concurrent assignments to
 * the same person: the second waits, then counts the first one's case too, so of two assignments that
 * cross together exactly one warns (and the primary key backs that up).
 */
export async function checkLoad(
  tx: Tx,
  args: { userId: string; serviceId: string; caseRef: CaseRef; now: Date; timeZone?: string },
): Promise<LoadCheck> {
  const { userId, serviceId, now } = args;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`load:${userId}:${serviceId}`}, 0))`;
  const [row] = await tx.$queryRaw<{ threshold: number | null; open: number; name: string }[]>`
    SELECT s.load_threshold AS threshold,
           (SELECT count(*)::int FROM application a
             WHERE a.assignee_id = ${userId}::uuid AND a.service_id = s.id AND a.closed_at IS NULL) AS open,
           (SELECT display_name FROM "user" WHERE id = ${userId}::uuid) AS name
      FROM service_type s WHERE s.id = ${serviceId}::uuid`;
  if (!row || row.threshold === null || row.open <= row.threshold) {
    await tx.loadWarning.deleteMany({ where: { userId, serviceId } });
    return row?.threshold == null ? "noThreshold" : "under";
  }
  const raised = await tx.$queryRaw<{ user_id: string }[]>`
    INSERT INTO load_warning (user_id, service_id, open_cases, raised_at)
    VALUES (${userId}::uuid, ${serviceId}::uuid, ${row.open}, ${now})
    ON CONFLICT DO NOTHING RETURNING user_id::text`;
  if (raised.length === 0) return "over";

  const onDuty = await findOnDutyStaff(tx, { now, role: "SUPERVISOR", timeZone: args.timeZone });
  const recipientIds = onDuty.length > 0 ? onDuty.map((person) => person.id) : await activeSupervisorIds(tx);
  const notified = await queueCaseNotices(tx, {
    recipientIds,
    caseRef: args.caseRef,
    template: "staff.overloaded",
    now,
    extra: { person: row.name, count: row.open, threshold: row.threshold },
  });
  await recordAudit(tx, {
    actorId: null,
    action: "rota.loadWarning",
    entityType: "user",
    entityId: userId,
    details: { serviceId, openCases: row.open, threshold: row.threshold, notified },
    createdAt: now,
  });
  return "warned";
}
