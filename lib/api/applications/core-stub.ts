// TEMPORARY: the names of the lead's lib/api core (p17-core), so this branch builds before it lands.
// Deleted at the merge of p17-core; imports then point at @/lib/api/problem and @/lib/api/handler.

export type ProblemCode =
  | "invalid_json"
  | "invalid_request"
  | "idempotency_key_required"
  | "unauthorized"
  | "forbidden"
  | "insufficient_scope"
  | "not_found"
  | "version_conflict"
  | "transition_not_allowed"
  | "idempotency_in_progress"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "idempotency_key_reused"
  | "rate_limited"
  | "internal_error";

export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly init: {
      detail?: string;
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
    this.name = "ApiProblem";
  }
}

export function apiJson(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Cache-Control", "no-store");
  return Response.json(body, { ...init, headers });
}
