import "server-only";
import { db } from "@/lib/db";
import { shouldDisable } from "./backoff";

/** A claimed delivery; `attempts` already counts the attempt being made (the fencing token). */
export type ClaimedDelivery = {
  id: string;
  endpointId: string;
  eventId: string;
  attempts: number;
  url: string;
  secret: string;
  body: string;
};

/**
 * Claims up to `limit` due deliveries in one statement. FOR UPDATE SKIP LOCKED keeps concurrent
 * workers on disjoint rows; moving next_attempt_at to the end of a lease hides the rows from
 * everyone else without holding a transaction open during the POST (a dead worker's rows come back
 * when the lease ends: at least once).
 *
 * Per-case order: a delivery is only taken while no earlier event of the same case to the same
 * endpoint is still PENDING (claimed or waiting for a retry), so a batch holds at most one per
 * endpoint and case, and a retrying event holds back the case's later ones. FAILED ones (given up
 * when the endpoint was disabled) do not hold anything back.
 */
export async function claimDueDeliveries(args: {
  now: Date;
  limit: number;
  leaseMs: number;
}): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(args.now.getTime() + args.leaseMs);
  return db.$queryRaw<ClaimedDelivery[]>`
    WITH claimed AS (
      UPDATE webhook_delivery d
         SET attempts = d.attempts + 1, next_attempt_at = ${leaseUntil}, last_attempt_at = ${args.now}
       WHERE d.id IN (
               SELECT c.id FROM webhook_delivery c JOIN webhook_endpoint e ON e.id = c.endpoint_id
                WHERE c.status = 'PENDING' AND c.next_attempt_at <= ${args.now} AND e.disabled_at IS NULL
                  AND NOT EXISTS (
                        SELECT 1 FROM webhook_delivery p
                         WHERE p.endpoint_id = c.endpoint_id AND p.application_id = c.application_id
                           AND p.status = 'PENDING' AND p.event_seq < c.event_seq)
                ORDER BY c.next_attempt_at, c.event_seq
                LIMIT ${args.limit}
                  FOR UPDATE OF c SKIP LOCKED)
      RETURNING d.id, d.endpoint_id, d.event_id, d.attempts)
    SELECT c.id::text, c.endpoint_id::text AS "endpointId", c.event_id::text AS "eventId", c.attempts,
           e.url, e.secret, ev.payload::text AS body
      FROM claimed c
      JOIN webhook_endpoint e ON e.id = c.endpoint_id
      JOIN webhook_event ev ON ev.id = c.event_id`;
}

/** 2xx: delivered, and the endpoint is healthy again. False when the lease was lost meanwhile. */
export async function markDelivered(row: ClaimedDelivery, outcome: { now: Date; statusCode: number }) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: row.id, attempts: row.attempts, status: "PENDING" },
      data: {
        status: "DELIVERED",
        deliveredAt: outcome.now,
        lastStatusCode: outcome.statusCode,
        lastError: null,
      },
    });
    await tx.webhookEndpoint.updateMany({
      where: { id: row.endpointId, failingSince: { not: null } },
      data: { failingSince: null },
    });
    return count === 1;
  });
}

export type FailureOutcome = "retrying" | "disabled" | "lost";

/**
 * A failed attempt: the delivery waits until `nextAttemptAt`; the endpoint starts (or goes on)
 * failing, and once it has failed for a day (backoff.ts) it is disabled in the same transaction,
 * its undelivered deliveries given up (FAILED) and its owner told by email.
 */
export async function recordDeliveryFailure(
  row: ClaimedDelivery,
  failure: { now: Date; nextAttemptAt: Date; statusCode: number | null; error: string },
): Promise<FailureOutcome> {
  return db.$transaction(async (tx) => {
    // Locked first: concurrent failures of one endpoint decide "disable" once.
    const [endpoint] = await tx.$queryRaw<{ failing_since: Date | null; disabled_at: Date | null }[]>`
      SELECT failing_since, disabled_at FROM webhook_endpoint WHERE id = ${row.endpointId}::uuid FOR UPDATE`;
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: row.id, attempts: row.attempts, status: "PENDING" },
      data: {
        nextAttemptAt: failure.nextAttemptAt,
        lastStatusCode: failure.statusCode,
        lastError: failure.error.slice(0, 300),
      },
    });
    if (count !== 1) return "lost";
    if (!endpoint || endpoint.disabled_at) return "retrying";
    if (!endpoint.failing_since) {
      await tx.webhookEndpoint.update({ where: { id: row.endpointId }, data: { failingSince: failure.now } });
      return "retrying";
    }
    if (!shouldDisable(endpoint.failing_since, failure.now)) return "retrying";

    const disabled = await tx.webhookEndpoint.update({
      where: { id: row.endpointId },
      data: { disabledAt: failure.now, disabledReason: "failing" },
      select: {
        url: true,
        client: { select: { userId: true, contactEmail: true, user: { select: { locale: true } } } },
      },
    });
    await tx.webhookDelivery.updateMany({
      where: { endpointId: row.endpointId, status: "PENDING" },
      data: { status: "FAILED" },
    });
    await tx.notification.create({
      data: {
        recipientId: disabled.client.userId,
        channel: "EMAIL",
        template: "webhook.endpointDisabled",
        locale: disabled.client.user.locale,
        payload: { path: "/developers", host: new URL(disabled.url).host },
        toAddress: disabled.client.contactEmail,
        nextAttemptAt: failure.now,
        createdAt: failure.now,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: null,
        action: "webhook.endpointDisabled",
        entityType: "webhook_endpoint",
        entityId: row.endpointId,
        details: { host: new URL(disabled.url).host, failingSince: endpoint.failing_since.toISOString() },
        createdAt: failure.now,
      },
    });
    return "disabled";
  });
}
