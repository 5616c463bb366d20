import "server-only";
import { randomUUID } from "node:crypto";
import { serverEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { eventsForMove, webhookPayload, type WebhookCaseSnapshot, type WebhookEventType } from "./events";

type Tx = Prisma.TransactionClient;

export type RecordedWebhookEvent = { id: string; type: WebhookEventType; deliveries: number };

/**
 * Writes the events of one change to the webhook outbox, inside the change's own transaction (so a
 * rollback leaves no event), with one PENDING delivery per enabled endpoint that subscribed to the
 * type: endpoints of the client that filed the case (application.api_client_id) and of every
 * INTERNAL client (internal systems follow all cases).
 *
 * One statement. An event nobody subscribed to is not stored at all, so a case filed in the portal
 * with no internal endpoints costs just this one indexed lookup. `types` are written in order: their
 * seq orders delivery within the case.
 */
export async function recordWebhookEvents(
  tx: Tx,
  event: {
    applicationId: string;
    types: readonly WebhookEventType[];
    application: WebhookCaseSnapshot;
    occurredAt: Date;
  },
): Promise<RecordedWebhookEvent[]> {
  if (event.types.length === 0) return [];
  const appUrl = serverEnv().APP_URL;
  const ids = event.types.map(() => randomUUID());
  const payloads = event.types.map((type, index) =>
    JSON.stringify(
      webhookPayload({
        id: ids[index]!,
        type,
        occurredAt: event.occurredAt,
        application: event.application,
        appUrl,
      }),
    ),
  );
  const rows = await tx.$queryRaw<{ id: string; type: WebhookEventType; deliveries: number }[]>`
    WITH targets AS (
      SELECT e.id, e.events FROM webhook_endpoint e
       WHERE e.disabled_at IS NULL
         AND (e.client_id = (SELECT a.api_client_id FROM application a WHERE a.id = ${event.applicationId}::uuid)
              OR e.client_id IN (SELECT c.id FROM api_client c WHERE c.kind = 'INTERNAL'))
    ), wanted AS (
      SELECT w.id::uuid AS id, w.type, w.payload::jsonb AS payload, w.ord
        FROM unnest(${ids}::text[], ${[...event.types]}::text[], ${payloads}::text[]) WITH ORDINALITY
             AS w(id, type, payload, ord)
       WHERE EXISTS (SELECT 1 FROM targets t WHERE w.type = ANY(t.events))
    ), inserted AS (
      INSERT INTO webhook_event (id, application_id, type, payload, occurred_at)
      SELECT id, ${event.applicationId}::uuid, type, payload, ${event.occurredAt} FROM wanted ORDER BY ord
      RETURNING id, seq, type
    ), deliveries AS (
      INSERT INTO webhook_delivery (endpoint_id, event_id, application_id, event_seq, next_attempt_at, created_at)
      SELECT t.id, i.id, ${event.applicationId}::uuid, i.seq, ${event.occurredAt}, ${event.occurredAt}
        FROM inserted i JOIN targets t ON i.type = ANY(t.events)
      RETURNING event_id
    )
    SELECT i.id::text AS id, i.type, (SELECT count(*)::int FROM deliveries d WHERE d.event_id = i.id) AS deliveries
      FROM inserted i ORDER BY i.seq`;
  return rows;
}

/** One event; see recordWebhookEvents. */
export async function recordWebhookEvent(
  tx: Tx,
  event: {
    applicationId: string;
    type: WebhookEventType;
    application: WebhookCaseSnapshot;
    occurredAt: Date;
  },
): Promise<RecordedWebhookEvent | null> {
  const [recorded] = await recordWebhookEvents(tx, { ...event, types: [event.type] });
  return recorded ?? null;
}

/**
 * The events of one workflow move (performTransition, the lapsed-supplement answers), in the move's
 * transaction: the case as it is after the move, which took the version from `expectedVersion`.
 */
export function recordMoveEvents(
  tx: Tx,
  move: {
    row: { id: string; number: string; current_node: string };
    transition: string;
    status: WebhookCaseSnapshot["status"];
    to: WebhookCaseSnapshot["currentNode"];
    expectedVersion: number;
    now: Date;
  },
): Promise<RecordedWebhookEvent[]> {
  const { row, transition, status, to } = move;
  return recordWebhookEvents(tx, {
    applicationId: row.id,
    types: eventsForMove({ transition, status, nodeChanged: to !== row.current_node }),
    application: { number: row.number, status, currentNode: to, version: move.expectedVersion + 1 },
    occurredAt: move.now,
  });
}
