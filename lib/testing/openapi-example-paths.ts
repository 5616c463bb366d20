import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  idempotencyKeyParameter,
  problemResponses,
  rateLimitHeaders,
  requireScope,
} from "@/lib/api/openapi/shared-components";

// A small path group in the shape the real ones have (lib/api/applications, lib/webhooks), for the
// document builder's and the contract checker's own tests. Not part of the product's document.

const pingSchema = z
  .object({
    id: z.string(),
    pong: z.boolean(),
    seenAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "Ping" });

const pingId = z.string().meta({ description: "The ping's id." });

export const examplePathGroup: ZodOpenApiPathsObject = {
  "/pings": {
    post: {
      operationId: "pings.create",
      tags: ["Examples"],
      security: requireScope("applications:write"),
      parameters: [idempotencyKeyParameter],
      requestBody: {
        required: true,
        content: { "application/json": { schema: z.strictObject({ note: z.string().max(20) }) } },
      },
      responses: {
        201: {
          description: "Created.",
          headers: rateLimitHeaders,
          content: { "application/json": { schema: pingSchema } },
        },
        ...problemResponses(400, 401, 403, 409, 413, 415, 422, 429),
      },
    },
  },
  "/pings/{pingId}": {
    get: {
      operationId: "pings.get",
      tags: ["Examples"],
      security: requireScope("applications:read"),
      requestParams: { path: z.object({ pingId }) },
      responses: {
        200: {
          description: "The ping.",
          headers: rateLimitHeaders,
          content: { "application/json": { schema: pingSchema } },
        },
        ...problemResponses(401, 404, 429),
      },
    },
    delete: {
      operationId: "pings.delete",
      tags: ["Examples"],
      requestParams: { path: z.object({ pingId }) },
      responses: { 204: { description: "Gone." }, ...problemResponses(404) },
    },
  },
  "/pings/{pingId}/file": {
    get: {
      operationId: "pings.file",
      requestParams: { path: z.object({ pingId }) },
      responses: {
        200: {
          description: "A file.",
          content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) }, "image/*": {} },
        },
      },
    },
  },
};

/** What the example service would POST to a subscriber (the document's top-level `webhooks`). */
export const exampleWebhookGroup: ZodOpenApiPathsObject = {
  pingEvent: {
    post: {
      operationId: "pings.event",
      summary: "A ping happened",
      requestParams: { header: z.object({ "webhook-id": z.string() }) },
      requestBody: { required: true, content: { "application/json": { schema: pingSchema } } },
      responses: { 200: { description: "Any 2xx: received." } },
    },
  },
};
