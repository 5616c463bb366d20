import type { ZodOpenApiPathsObject } from "zod-openapi";
import { applicationPaths } from "@/lib/api/applications/openapi-paths";
import { buildOpenApiDocument, type OpenApiDocument } from "./document";

// Every part of /api/v1 that is in the document. At merge, each branch adds its own group here:
// lib/api/applications/openapi-paths.ts and lib/webhooks/openapi-paths.ts.
export const API_PATH_GROUPS: ZodOpenApiPathsObject[] = [applicationPaths];
/** What we POST to partners' endpoints (lib/webhooks/openapi-paths.ts: webhookEvents). */
export const API_WEBHOOK_GROUPS: ZodOpenApiPathsObject[] = [];

let document: OpenApiDocument | undefined;

/** The product's document, built once per process (zod-openapi walks every schema). */
export function apiDocument(): OpenApiDocument {
  document ??= buildOpenApiDocument(API_PATH_GROUPS, API_WEBHOOK_GROUPS);
  return document;
}
