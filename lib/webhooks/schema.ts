import "zod-openapi";
import { z } from "zod";
import { ApplicationStatus, WorkflowNode } from "@/lib/generated/prisma/enums";
import { WEBHOOK_EVENT_TYPES } from "./events";

// The webhook part of the partner API (issue 17): what a client sends and gets, as zod schemas the
// routes parse with and the OpenAPI document is generated from (openapi-paths.ts). Messages are
// i18n keys (lib/api/field-problems.ts turns them into the caller's language).

/** How many endpoints one client may register: enough for staging and production, not a fan-out. */
export const MAX_ENDPOINTS_PER_CLIENT = 10;
export const URL_MAX_LENGTH = 2000;

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES).meta({
  id: "WebhookEventType",
  description: "What happened to a case.",
});

export const webhookEndpointCreateSchema = z
  .strictObject({
    url: z
      .string("webhooks.errors.urlInvalid")
      .trim()
      .min(1, "webhooks.errors.urlInvalid")
      .max(URL_MAX_LENGTH, "webhooks.errors.urlInvalid")
      .meta({
        description: "Where events are POSTed: https, on the public internet.",
        example: "https://example.com/hooks/expedite",
      }),
    events: z
      .array(webhookEventTypeSchema, "webhooks.errors.eventsRequired")
      .min(1, "webhooks.errors.eventsRequired")
      .max(WEBHOOK_EVENT_TYPES.length)
      .transform((events) => [...new Set(events)])
      .meta({ description: "The event types to send; at least one." }),
  })
  .meta({ id: "WebhookEndpointCreate" });

export type WebhookEndpointCreate = z.infer<typeof webhookEndpointCreateSchema>;

export const webhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(webhookEventTypeSchema),
    createdAt: z.iso.datetime(),
    failingSince: z.iso
      .datetime()
      .nullable()
      .meta({ description: "Deliveries have failed since then; cleared by a success." }),
    disabledAt: z.iso
      .datetime()
      .nullable()
      .meta({ description: "After a day of failures; the service desk re-enables it." }),
  })
  .meta({ id: "WebhookEndpoint" });

export type WebhookEndpointView = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointCreatedSchema = webhookEndpointSchema
  .extend({
    secret: z.string().meta({
      description: "The signing secret (whsec_…): shown only in this answer. Store it to verify signatures.",
      example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    }),
  })
  .meta({ id: "WebhookEndpointCreated" });

export const webhookEndpointListSchema = z
  .object({ data: z.array(webhookEndpointSchema) })
  .meta({ id: "WebhookEndpointList" });

export const webhookDeliverySchema = z
  .object({
    id: z.uuid(),
    eventId: z.uuid().meta({ description: "The webhook-id header of its requests." }),
    eventType: webhookEventTypeSchema,
    applicationNumber: z.string(),
    status: z.enum(["PENDING", "DELIVERED", "FAILED"]),
    attempts: z.int(),
    lastAttemptAt: z.iso.datetime().nullable(),
    lastStatusCode: z.int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.iso.datetime().nullable().meta({ description: "While PENDING: the next try." }),
    deliveredAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "WebhookDelivery" });

export type WebhookDeliveryView = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListSchema = z
  .object({
    data: z.array(webhookDeliverySchema),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as `cursor` for the next (older) page; null at the end." }),
  })
  .meta({ id: "WebhookDeliveryList" });

export const DELIVERY_PAGE_SIZE = 50;

export const deliveryListQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional().meta({ description: "From the previous page's nextCursor." }),
  limit: z.coerce.number().int().min(1).max(100).default(DELIVERY_PAGE_SIZE),
});

export const endpointIdParamSchema = z.object({ id: z.uuid() });

/** The JSON body of every webhook request (documented in the OpenAPI document's `webhooks`). */
export const webhookEventPayloadSchema = z
  .object({
    id: z.uuid().meta({ description: "The event id, also in the webhook-id header: de-duplicate on it." }),
    type: webhookEventTypeSchema,
    occurredAt: z.iso.datetime(),
    data: z.object({
      application: z.object({
        number: z.string(),
        status: z.enum(ApplicationStatus),
        currentNode: z.enum(WorkflowNode),
        version: z.int(),
        url: z.url().meta({ description: "GET it (applications:read) for the full progress." }),
      }),
    }),
  })
  .meta({ id: "WebhookEventPayload" });

// The console's forms and query strings (app/console/admin/webhooks).
export const redeliverSchema = z.object({ deliveryId: z.uuid("webhooks.errors.notRedeliverable") });
export const reenableSchema = z.object({ endpointId: z.uuid("webhooks.errors.notFound") });
/** Anything odd falls back to the first page instead of an error page. */
export const endpointListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export const deliveryLogQuerySchema = z.object({ cursor: z.string().max(200).optional().catch(undefined) });
