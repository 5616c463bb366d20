import type { ZodOpenApiPathsObject } from "zod-openapi";
import { applicationPaths } from "@/lib/api/applications/openapi-paths";
import { webhookEvents, webhookPaths } from "@/lib/webhooks/openapi-paths";
import { buildOpenApiDocument, type OpenApiDocument } from "./document";
import { problemResponses, rateLimitHeaders, requireScope } from "./shared-components";

// Every part of /api/v1 that is in the document: the applications and the webhooks endpoints, and
// (OpenAPI's top-level `webhooks`) what we POST to partners.
export const API_PATH_GROUPS: ZodOpenApiPathsObject[] = [
  applicationPaths,
  webhookPaths({ requireScope, rateLimitHeaders, problemResponses }),
];
/** What we POST to partners' endpoints (lib/webhooks/openapi-paths.ts: webhookEvents). */
export const API_WEBHOOK_GROUPS: ZodOpenApiPathsObject[] = [webhookEvents];

let document: OpenApiDocument | undefined;

/** The product's document, built once per process (zod-openapi walks every schema). */
export function apiDocument(): OpenApiDocument {
  document ??= buildOpenApiDocument(API_PATH_GROUPS, API_WEBHOOK_GROUPS);
  return document;
}
