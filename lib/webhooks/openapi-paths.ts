import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import type { ApiScope } from "@/lib/api/scopes";
import {
  deliveryListQuerySchema,
  webhookDeliveryListSchema,
  webhookEndpointCreatedSchema,
  webhookEndpointCreateSchema,
  webhookEndpointListSchema,
  webhookEventPayloadSchema,
} from "./schema";
import { REPLAY_WINDOW_SECONDS } from "./signature";

// The webhook part of the OpenAPI document. The shared pieces (scope requirement, rate-limit
// headers, problem answers) live in p17-docs' lib/api/openapi/shared-components.ts and are passed
// in, so this file needs nothing from that branch: `webhookPaths(shared)` and `webhookEvents`.

type ProblemStatus = 400 | 401 | 403 | 404 | 413 | 415 | 422 | 429;

export type SharedOpenApiPieces = {
  requireScope: (scope: ApiScope) => ZodOpenApiOperationObject["security"];
  rateLimitHeaders: ZodOpenApiResponseObject["headers"];
  problemResponses: (...statuses: ProblemStatus[]) => Record<string, ZodOpenApiResponseObject>;
};

const endpointId = z.uuid().meta({ description: "The endpoint's id, from its registration." });

/** Paths relative to /api/v1. */
export function webhookPaths(shared: SharedOpenApiPieces): ZodOpenApiPathsObject {
  const security = shared.requireScope("webhooks:manage");
  const ok = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({
    description,
    headers: shared.rateLimitHeaders,
    content: { "application/json": { schema } },
  });
  return {
    "/webhooks": {
      get: {
        operationId: "webhooks.list",
        summary: "List your webhook endpoints",
        tags: ["Webhooks"],
        security,
        responses: {
          200: ok(
            "The calling client's endpoints, newest first (never their secrets).",
            webhookEndpointListSchema,
          ),
          ...shared.problemResponses(401, 403, 429),
        },
      },
      post: {
        operationId: "webhooks.create",
        summary: "Register a webhook endpoint",
        description:
          "Events of the cases your client filed (internal systems: of every case) are POSTed to `url`, signed " +
          "as the Standard Webhooks specification describes (see `webhooks` in this document). The answer " +
          "carries the signing secret; it is shown only once. In production the address must be https and " +
          "must not resolve to a private, loopback, link-local or otherwise non-public network.",
        tags: ["Webhooks"],
        security,
        requestBody: {
          required: true,
          content: { "application/json": { schema: webhookEndpointCreateSchema } },
        },
        responses: {
          201: {
            ...ok("Registered. Store `secret`: it is not shown again.", webhookEndpointCreatedSchema),
            headers: shared.rateLimitHeaders,
          },
          ...shared.problemResponses(400, 401, 403, 413, 415, 422, 429),
        },
      },
    },
    "/webhooks/{id}": {
      delete: {
        operationId: "webhooks.delete",
        summary: "Delete a webhook endpoint",
        description: "Nothing more is sent to it; its delivery log goes with it.",
        tags: ["Webhooks"],
        security,
        requestParams: { path: z.object({ id: endpointId }) },
        responses: {
          204: { description: "Deleted.", headers: shared.rateLimitHeaders },
          ...shared.problemResponses(401, 403, 404, 429),
        },
      },
    },
    "/webhooks/{id}/deliveries": {
      get: {
        operationId: "webhooks.deliveries",
        summary: "An endpoint's delivery log",
        description:
          "What was sent to the endpoint, newest first: each event's attempts, the last answer and when it was " +
          "delivered. Failed deliveries are retried with exponential backoff; after a day of failures the " +
          "endpoint is disabled and your contact address is emailed.",
        tags: ["Webhooks"],
        security,
        requestParams: { path: z.object({ id: endpointId }), query: deliveryListQuerySchema },
        responses: {
          200: ok("A page of deliveries.", webhookDeliveryListSchema),
          ...shared.problemResponses(401, 403, 404, 422, 429),
        },
      },
    },
  };
}

const signatureHeaders = z.object({
  "webhook-id": z.uuid().meta({ description: "The event id: the same on every retry. De-duplicate on it." }),
  "webhook-timestamp": z.string().meta({
    description: `Unix seconds of this attempt. Refuse a request more than ${REPLAY_WINDOW_SECONDS / 60} minutes from your clock.`,
    example: "1764921600",
  }),
  "webhook-signature": z.string().meta({
    description:
      'Space-separated "v1,<base64>" signatures: base64 of HMAC-SHA256 with the base64-decoded part of your ' +
      "secret after `whsec_`, over `${webhook-id}.${webhook-timestamp}.${raw body}`. Compare in constant time.",
    example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
  }),
});

/** The OpenAPI 3.1 top-level `webhooks`: what we POST to a registered endpoint, one entry per event type. */
export const webhookEvents: ZodOpenApiPathsObject = {
  applicationEvent: {
    post: {
      operationId: "webhooks.event",
      summary: "An event of a case",
      description:
        "Sent for application.submitted, application.node_changed, application.supplement_requested, " +
        "application.decided and application.document_issued, to each endpoint subscribed to the type. At least " +
        "once (de-duplicate on `id`), in order per case and endpoint. Answer 2xx within 10 seconds; anything else " +
        "is retried with backoff (30 s doubling up to an hour, with jitter).",
      requestParams: { header: signatureHeaders },
      requestBody: { required: true, content: { "application/json": { schema: webhookEventPayloadSchema } } },
      responses: { 200: { description: "Any 2xx: received." } },
    },
  },
};
