import { z } from "zod";
import type { ZodOpenApiResponseObject, ZodOpenApiSecuritySchemeObject } from "zod-openapi";
import type { ApiScope } from "@/lib/api/scopes";
import { codesOfStatus, problemSchema, type ProblemStatus } from "./problem-schema";

// The pieces every operation of /api/v1 shares. The other path groups use these objects as they are
// (never copies): zod-openapi then writes a $ref to the one component instead of repeating it.

export const API_KEY_SCHEME = "ApiKey";

export const apiKeySecurityScheme: ZodOpenApiSecuritySchemeObject = {
  type: "http",
  scheme: "bearer",
  description:
    "An API key created by an administrator (Console → Admin → API keys), sent as `Authorization: Bearer <key>`. " +
    "The names listed in an operation's security requirement are the scopes the key must carry.",
};

/** An operation's security requirement: the key must carry `scope` (OpenAPI 3.1 allows role names for http schemes). */
export function requireScope(scope: ApiScope) {
  return [{ [API_KEY_SCHEME]: [scope] }];
}

const seconds = (description: string) => z.int().min(0).meta({ description });

// Optional where they are declared: the wrapper carries the component id, so responses share one $ref.
export const rateLimitLimitHeader = seconds(
  "Requests allowed per minute for this key (or client address without a key).",
)
  .optional()
  .meta({ header: { id: "RateLimit-Limit" } });
export const rateLimitRemainingHeader = seconds("Requests left in the current window.")
  .optional()
  .meta({ header: { id: "RateLimit-Remaining" } });
export const rateLimitResetHeader = seconds("Seconds until the window resets.")
  .optional()
  .meta({ header: { id: "RateLimit-Reset" } });
export const retryAfterHeader = seconds("Seconds to wait before the next request.").meta({
  header: { id: "Retry-After" },
});

/** The rate-limit headers of every answer: `headers: rateLimitHeaders` on a response. */
export const rateLimitHeaders = z.object({
  "RateLimit-Limit": rateLimitLimitHeader,
  "RateLimit-Remaining": rateLimitRemainingHeader,
  "RateLimit-Reset": rateLimitResetHeader,
});

/** `parameters: [idempotencyKeyParameter]` on an operation that requires the header. */
export const idempotencyKeyParameter = z
  .string()
  .min(8)
  .max(255)
  .regex(/^[\x21-\x7e]+$/)
  .meta({
    description:
      "Required when filing an application: 8–255 visible ASCII characters, new for each new request " +
      "(a UUID does). The same key with the same body answers the first response again; with another body, 422 " +
      "idempotency_key_reused; while the first is still running, 409 idempotency_in_progress.",
    example: "3f0c1d9e-5b7a-4c31-9d0e-2a6b8f4e7c15",
    param: { id: "IdempotencyKey", in: "header", name: "Idempotency-Key", required: true },
  });

const STATUS_NAMES: Record<ProblemStatus, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  413: "PayloadTooLarge",
  415: "UnsupportedMediaType",
  422: "UnprocessableContent",
  429: "TooManyRequests",
  500: "InternalError",
};

const STATUS_TEXT: Record<ProblemStatus, string> = {
  400: "The request could not be read (bad JSON, a bad query or a missing header).",
  401: "No API key, or one that is unknown, revoked or expired.",
  403: "The key may not do this (a missing scope, or not the key's case).",
  404: "No such resource, or none this key may see.",
  405: "The path does not take this method.",
  409: "The case changed meanwhile, the move is not possible now, or the same request is still running.",
  413: "The body is larger than allowed.",
  415: "The body's Content-Type is not one this operation takes.",
  422: "The request was read but refused: see `errors` for each field.",
  429: "Too many requests: wait Retry-After seconds.",
  500: "Something failed on our side; nothing was changed. Retrying with the same Idempotency-Key is safe.",
};

function problemResponse(status: ProblemStatus): ZodOpenApiResponseObject {
  const codes = codesOfStatus(status).map((code) => `\`${code}\``);
  return {
    id: STATUS_NAMES[status],
    description: `${STATUS_TEXT[status]} Codes: ${codes.join(", ")}.`,
    headers: status === 429 ? rateLimitHeaders.extend({ "Retry-After": retryAfterHeader }) : rateLimitHeaders,
    content: { "application/problem+json": { schema: problemSchema } },
  };
}

const PROBLEM_RESPONSES = Object.fromEntries(
  (Object.keys(STATUS_NAMES).map(Number) as ProblemStatus[]).map((status) => [
    status,
    problemResponse(status),
  ]),
) as Record<ProblemStatus, ZodOpenApiResponseObject>;

/** `responses: { 200: …, ...problemResponses(400, 401, 403, 422, 429) }`: the shared problem answers. */
export function problemResponses<S extends ProblemStatus>(
  ...statuses: S[]
): Record<`${S}`, ZodOpenApiResponseObject> {
  return Object.fromEntries(statuses.map((status) => [String(status), PROBLEM_RESPONSES[status]])) as Record<
    `${S}`,
    ZodOpenApiResponseObject
  >;
}
