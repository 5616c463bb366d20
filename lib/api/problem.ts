import type { Locale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en/api.json";
import zh from "@/lib/i18n/messages/zh/api.json";

// RFC 9457 problem details for every refusal of /api/v1 (decision 037). `code` is the stable,
// machine-readable part clients branch on; `title` is for people, in the caller's language.

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
export const PROBLEM_CODES = Object.keys(PROBLEM_STATUS) as ProblemCode[];

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** One refused field of a 422: where, a stable code, and the reason in the caller's language. */
export type FieldProblem = { field: string; code: string; message: string };

export type ProblemDetailKey = keyof typeof en.details;

export type ProblemInit = {
  detail?: string;
  /** A detail from api.json, put in the caller's language when the problem is answered. */
  detailKey?: ProblemDetailKey;
  detailValues?: Record<string, string | number>;
  /** Members beside the standard ones: `errors`, `currentVersion`, `retryAfterSeconds`, … */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
};

const TITLES: Record<Locale, Record<ProblemCode, string>> = { en: en.problems, zh: zh.problems };

/** Thrown anywhere below a route of /api/v1; the route wrapper answers it (lib/api/handler.ts). */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly init: ProblemInit = {},
  ) {
    super(code);
    this.name = "ApiProblem";
  }

  get status(): number {
    return PROBLEM_STATUS[this.code];
  }
}

/** Where a code is explained for people: the developer page's error table. */
export function problemType(code: ProblemCode): string {
  return `/developers#problem-${code}`;
}

export function problemTitle(code: ProblemCode, locale: Locale): string {
  return TITLES[locale][code];
}

export function problemBody(code: ProblemCode, locale: Locale, init: ProblemInit = {}) {
  const detail = init.detail ?? (init.detailKey && problemDetail(init.detailKey, locale, init.detailValues));
  return {
    ...init.extensions,
    type: problemType(code),
    title: problemTitle(code, locale),
    status: PROBLEM_STATUS[code],
    code,
    ...(detail ? { detail } : {}),
  };
}

export function problemResponse(code: ProblemCode, locale: Locale, init: ProblemInit = {}): Response {
  return new Response(JSON.stringify(problemBody(code, locale, init)), {
    status: PROBLEM_STATUS[code],
    headers: {
      "Content-Type": PROBLEM_CONTENT_TYPE,
      "Content-Language": locale,
      "Cache-Control": "no-store",
      ...init.headers,
    },
  });
}

/** A detail text of api.json's `details`, with its {placeholders} filled. */
export function problemDetail(
  key: ProblemDetailKey,
  locale: Locale,
  values: Record<string, string | number> = {},
): string {
  const text = (locale === "zh" ? zh : en).details[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
