import "server-only";
import { z } from "zod";
import type { ApiCaller } from "@/lib/api/caller";
import { ApiProblem } from "@/lib/api/problem";
import { recordAudit } from "@/lib/audit/mutations";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { policyFromEnv } from "./delivery";
import type { WebhookEventType } from "./events";
import { MAX_ENDPOINTS_PER_CLIENT, type WebhookEndpointCreate, type WebhookEndpointView } from "./schema";
import { generateWebhookSecret } from "./signature";
import { checkUrlShape, checkWebhookUrl, type UrlPolicy, type UrlRefusal } from "./url-guard";

const isUuid = (value: string) => z.uuid().safeParse(value).success;

const URL_REFUSALS: Record<UrlRefusal, string> = {
  invalid: "webhooks.errors.urlInvalid",
  scheme: "webhooks.errors.urlScheme",
  credentials: "webhooks.errors.urlCredentials",
  forbidden_address: "webhooks.errors.urlForbidden",
  unresolvable: "webhooks.errors.urlUnresolvable",
};

/**
 * Registers an endpoint for the calling client. The URL is checked as delivery will check it
 * (scheme, and in production every address its name resolves to: url-guard.ts); the secret is
 * made here and returned once, in this answer.
 */
export async function registerWebhookEndpoint(
  caller: ApiCaller,
  input: WebhookEndpointCreate,
  options: { now?: Date; policy?: UrlPolicy } = {},
): Promise<WebhookEndpointView & { secret: string }> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? policyFromEnv();
  // Outside the transaction: a slow DNS answer never holds a lock. Outside production no address
  // is refused, so the name need not resolve yet (delivery resolves it each time anyway).
  const checked = policy.production
    ? await checkWebhookUrl(input.url, policy)
    : checkUrlShape(input.url, policy);
  if (!checked.ok) throw new UserFacingError("errors.checkFields", { url: [URL_REFUSALS[checked.reason]] });
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    // The client row locked: two registrations at once cannot both pass the count.
    await tx.$queryRaw`SELECT id FROM api_client WHERE id = ${caller.clientId}::uuid FOR UPDATE`;
    const count = await tx.webhookEndpoint.count({ where: { clientId: caller.clientId } });
    if (count >= MAX_ENDPOINTS_PER_CLIENT)
      throw new UserFacingError("errors.checkFields", { url: ["webhooks.errors.tooManyEndpoints"] });
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        clientId: caller.clientId,
        url: checked.url.href,
        secret,
        events: input.events,
        createdAt: now,
      },
      select: { id: true, url: true, events: true, createdAt: true },
    });
    await recordAudit(tx, {
      actorId: caller.viewer.id,
      action: "webhook.endpointCreated",
      entityType: "webhook_endpoint",
      entityId: endpoint.id,
      details: { host: checked.url.host, events: input.events },
      createdAt: now,
    });
    return {
      id: endpoint.id,
      url: endpoint.url,
      events: endpoint.events as WebhookEventType[],
      createdAt: endpoint.createdAt.toISOString(),
      failingSince: null,
      disabledAt: null,
      secret,
    };
  });
}

/** Removes one of the caller's endpoints with its delivery log; events stay (other endpoints may have them). */
export async function deleteWebhookEndpoint(caller: ApiCaller, endpointId: string, now: Date = new Date()) {
  if (!isUuid(endpointId)) throw new ApiProblem("not_found");
  await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({
      where: { id: endpointId, clientId: caller.clientId },
      select: { id: true, url: true },
    });
    if (!endpoint) throw new ApiProblem("not_found");
    await tx.webhookDelivery.deleteMany({ where: { endpointId } });
    await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    await recordAudit(tx, {
      actorId: caller.viewer.id,
      action: "webhook.endpointDeleted",
      entityType: "webhook_endpoint",
      entityId: endpointId,
      details: { host: new URL(endpoint.url).host },
      createdAt: now,
    });
  });
}

export const ENDPOINT_NOT_FOUND = "webhooks.errors.notFound";

/**
 * Console: sends a delivered or given-up delivery again (a receiver lost it, or its endpoint was
 * disabled meanwhile). It waits behind the case's earlier undelivered events like any other, and
 * keeps its event id, so a receiver that already has it can drop it. Admins only.
 */
export async function redeliverWebhook(viewer: Viewer, deliveryId: string, now: Date = new Date()) {
  assertArea(viewer, "admin");
  if (!isUuid(deliveryId)) throw new UserFacingError("webhooks.errors.notRedeliverable");
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, status: { in: ["DELIVERED", "FAILED"] } },
      data: { status: "PENDING", nextAttemptAt: now, deliveredAt: null },
    });
    if (count !== 1) throw new UserFacingError("webhooks.errors.notRedeliverable");
    const delivery = await tx.webhookDelivery.findUniqueOrThrow({
      where: { id: deliveryId },
      select: { endpointId: true, eventId: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "webhook.redelivered",
      entityType: "webhook_endpoint",
      entityId: delivery.endpointId,
      details: { deliveryId, eventId: delivery.eventId },
      createdAt: now,
    });
    return delivery;
  });
}

/** Console: a disabled endpoint takes events again (new ones; redeliver the missed ones one by one). Admins only. */
export async function reenableWebhookEndpoint(viewer: Viewer, endpointId: string, now: Date = new Date()) {
  assertArea(viewer, "admin");
  if (!isUuid(endpointId)) throw new UserFacingError(ENDPOINT_NOT_FOUND);
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, disabledAt: { not: null } },
      data: { disabledAt: null, disabledReason: null, failingSince: null },
    });
    if (count !== 1) throw new UserFacingError(ENDPOINT_NOT_FOUND);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "webhook.endpointReenabled",
      entityType: "webhook_endpoint",
      entityId: endpointId,
      createdAt: now,
    });
  });
}
