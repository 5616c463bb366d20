import "server-only";
import { db } from "@/lib/db";
import type { BurstSettings } from "./outbox-mutations";
import { INFORMATIONAL_TEMPLATES } from "./templates";

// Decision 027. A message is "held" while it is an informational EMAIL/SMS row about a case that
// has not been tried yet (PENDING, attempts 0): a newer message of the same case, recipient and
// channel may still take its place. The claim (outbox-mutations.ts) sends only the newest.

/**
 * Marks SUPERSEDED every due informational message of a conversation whose newer message is no
 * longer held (claimed, sent, failed, or one that needs action and goes out at once), pointing it
 * at the first such message: the one that went out in its place. Rows another worker holds locked are skipped (the next pass takes them);
 * rows in flight are not due (their lease), so a message being sent is never superseded.
 * Returns how many were superseded.
 */
export async function supersedeOlderMessages(args: { now: Date; limit: number }): Promise<number> {
  return db.$executeRaw`
    UPDATE notification o
       SET status = 'SUPERSEDED',
           superseded_by_id = (
             SELECT newer.id FROM notification newer
              WHERE newer.application_id = o.application_id
                AND newer.recipient_id IS NOT DISTINCT FROM o.recipient_id
                AND newer.channel = o.channel
                AND (newer.created_at, newer.id) > (o.created_at, o.id)
                AND NOT (newer.status = 'PENDING' AND newer.attempts = 0
                         AND newer.template = ANY(${INFORMATIONAL_TEMPLATES}::text[]))
              ORDER BY newer.created_at, newer.id
              LIMIT 1)
     WHERE o.id IN (
             SELECT c.id FROM notification c
              WHERE c.status = 'PENDING' AND c.channel IN ('EMAIL', 'SMS') AND c.next_attempt_at <= ${args.now}
                AND c.application_id IS NOT NULL
                AND c.template = ANY(${INFORMATIONAL_TEMPLATES}::text[])
                AND EXISTS (
                      SELECT 1 FROM notification newer
                       WHERE newer.application_id = c.application_id
                         AND newer.recipient_id IS NOT DISTINCT FROM c.recipient_id
                         AND newer.channel = c.channel
                         AND (newer.created_at, newer.id) > (c.created_at, c.id)
                         AND NOT (newer.status = 'PENDING' AND newer.attempts = 0
                                  AND newer.template = ANY(${INFORMATIONAL_TEMPLATES}::text[])))
              LIMIT ${args.limit}
                FOR UPDATE SKIP LOCKED)`;
}

/**
 * When the earliest held conversation becomes sendable (its newest message has been quiet for the
 * window, or its oldest has waited the longest hold); null when nothing is held. The relay asks to
 * be woken then, so a collapsed message leaves on time rather than at the next once-a-minute pass.
 */
export async function nextHeldRelease(burst: BurstSettings): Promise<Date | null> {
  const rows = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT min(least(g.last_at + make_interval(secs => ${burst.quietWindowMs}::float8 / 1000),
                     g.first_at + make_interval(secs => ${burst.maxHoldMs}::float8 / 1000))) AS at
      FROM (SELECT max(created_at) AS last_at, min(created_at) AS first_at
              FROM notification
             WHERE status = 'PENDING' AND attempts = 0 AND channel IN ('EMAIL', 'SMS')
               AND application_id IS NOT NULL
               AND template = ANY(${INFORMATIONAL_TEMPLATES}::text[])
             GROUP BY application_id, recipient_id, channel) g`;
  return rows[0]?.at ?? null;
}
