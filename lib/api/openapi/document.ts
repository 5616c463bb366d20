import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { API_KEY_SCHEME, apiKeySecurityScheme } from "./shared-components";

// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the routes parse with
// (decision 037). Each part of the API exports its own paths object; this puts them together.

export const API_BASE_PATH = "/api/v1";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type OpenApiDocument = ReturnType<typeof createDocument>;

/**
 * Paths are relative to the server ("/applications", not "/api/v1/applications"). `webhookGroups`
 * describe what we send to partners' endpoints (OpenAPI 3.1's top-level `webhooks`, keyed by name).
 */
export function buildOpenApiDocument(
  pathGroups: ZodOpenApiPathsObject[],
  webhookGroups: ZodOpenApiPathsObject[] = [],
): OpenApiDocument {
  return createDocument({
    openapi: "3.1.1",
    info: {
      title: "Expedite partner API",
      version: "1",
      description:
        "File urgent applications, follow their progress and move cases through the workflow from your own " +
        "systems. Quick start, webhook signatures, errors and limits: /developers.",
    },
    servers: [{ url: API_BASE_PATH }],
    security: [{ [API_KEY_SCHEME]: [] }],
    tags: [
      {
        name: "Applications",
        description: "File, list and follow applications; move cases (internal systems).",
      },
      { name: "Webhooks", description: "Endpoints that receive signed events." },
    ],
    paths: mergePathGroups(pathGroups),
    ...(webhookGroups.length > 0 ? { webhooks: mergeWebhookGroups(webhookGroups) } : {}),
    // Problem, the shared responses, headers and parameters are components through their ids
    // (shared-components.ts): zod-openapi writes each where an operation first uses it.
    components: { securitySchemes: { [API_KEY_SCHEME]: apiKeySecurityScheme } },
  });
}

/** One paths object; the same method on the same path twice is a mistake, not an override. */
export function mergePathGroups(pathGroups: ZodOpenApiPathsObject[]): ZodOpenApiPathsObject {
  const merged: ZodOpenApiPathsObject = {};
  for (const group of pathGroups) {
    for (const [path, item] of Object.entries(group)) {
      if (!path.startsWith("/") || path.startsWith(`${API_BASE_PATH}/`))
        throw new Error(`OpenAPI path "${path}" must start with "/" and be relative to ${API_BASE_PATH}`);
      const existing = merged[path];
      if (existing)
        for (const method of METHODS)
          if (existing[method] && item[method])
            throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is defined twice`);
      merged[path] = { ...existing, ...item };
    }
  }
  return merged;
}

function mergeWebhookGroups(groups: ZodOpenApiPathsObject[]): ZodOpenApiPathsObject {
  const merged: ZodOpenApiPathsObject = {};
  for (const group of groups)
    for (const [name, item] of Object.entries(group)) {
      if (merged[name]) throw new Error(`OpenAPI: webhook ${name} is defined twice`);
      merged[name] = item;
    }
  return merged;
}
