// A copy of PROBLEM_STATUS from the lead's lib/api/problem.ts (branch p17-core), so this branch builds
// before that one is merged. At merge: delete this file and import PROBLEM_STATUS from "../problem".

export const PROBLEM_STATUS = {
  invalid_json: 400,
  invalid_request: 400,
  idempotency_key_required: 400,
  unauthorized: 401,
  forbidden: 403,
  insufficient_scope: 403,
  not_found: 404,
  method_not_allowed: 405,
  version_conflict: 409,
  transition_not_allowed: 409,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;
