import "server-only";
import { runWithApiKey } from "@/lib/audit/api-key-context";
import { NotAuthorizedError, UserFacingError } from "@/lib/errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { localeFromAcceptLanguage, type Locale } from "@/lib/i18n/config";
import { logger } from "@/lib/observability/logger";
import { routeHandler } from "@/lib/observability/route-handler";
import { CaseNotFoundError, ConcurrentChangeError, TransitionNotAllowedError } from "@/lib/workflow/errors";
import { auditApiCall } from "./call-mutations";
import type { ApiCaller } from "./caller";
import { fieldErrorsAsProblems, translateMessage } from "./field-problems";
import { authenticateApiKey } from "./interim-key-mutations";
import { ApiProblem, problemDetail, problemResponse } from "./problem";
import {
  consumeApiRequest,
  DEFAULT_REQUESTS_PER_MINUTE,
  rateLimitHeaders,
  type RateLimitOutcome,
} from "./rate-limit-mutations";
import type { ApiScope } from "./scopes";

// Every route of /api/v1 is `apiRoute({ name, scope, handle })` (decision 037): the one place that
// authenticates the key, spends its request budget, checks its scope, audits the call and turns
// whatever the lib/ code throws into a problem+json answer. Handlers only parse and call lib/.

export type ApiContext<P> = {
  request: Request;
  caller: ApiCaller;
  params: P;
  locale: Locale;
  now: Date;
  ip: string | null;
};

type RouteContext<P> = { params: Promise<P> };

export type ApiRouteOptions<P> = {
  /** Names the operation in logs, metrics and the audit log: "applications.create". */
  name: string;
  /** The scope the key needs; null when any valid key may call it. */
  scope: ApiScope | null;
  handle: (context: ApiContext<P>) => Promise<Response>;
};

/** A JSON success answer; never cached (every answer depends on the key). */
export function apiJson(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Cache-Control", "no-store");
  return Response.json(body, { ...init, headers });
}

export function apiRoute<P = Record<string, never>>(options: ApiRouteOptions<P>) {
  return routeHandler(`api.${options.name}`, async (request: Request, route: RouteContext<P>) => {
    const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
    const ip = clientIpFromHeaders(request.headers);
    const now = new Date();

    const authentication = await authenticateApiKey(request.headers.get("authorization"), now);
    if (!authentication.ok) {
      // Without a valid key the address pays, so keys cannot be guessed at speed.
      const budget = await consumeApiRequest({ address: ip ?? "unknown" });
      if (!budget.allowed) return rateLimited(locale, budget);
      const detail = problemDetail(authentication.reason === "missing" ? "missingKey" : "badKey", locale);
      return problemResponse("unauthorized", locale, {
        detail,
        headers: { "WWW-Authenticate": 'Bearer realm="expedite"', ...rateLimitHeaders(budget) },
      });
    }

    const { caller } = authentication;
    const budget = await consumeApiRequest({
      keyId: caller.keyId,
      perMinute: caller.rateLimitPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE,
    });
    // Refused before any work, and not audited: a client looping on 429 would otherwise fill the log.
    if (!budget.allowed) return rateLimited(locale, budget);

    const response = await runWithApiKey(caller.keyId, async () => {
      if (options.scope && !caller.scopes.includes(options.scope))
        return problemResponse("insufficient_scope", locale, {
          detail: problemDetail("scope", locale, { scope: options.scope }),
        });
      try {
        return await options.handle({ request, caller, params: await route.params, locale, now, ip });
      } catch (error) {
        return answerError(error, locale, options.name);
      }
    });
    await auditApiCall(caller, options.name, request, response.status, ip, now);
    for (const [name, value] of Object.entries(rateLimitHeaders(budget))) response.headers.set(name, value);
    return response;
  });
}

function rateLimited(locale: Locale, budget: RateLimitOutcome): Response {
  return problemResponse("rate_limited", locale, {
    detail: problemDetail("retry", locale, { seconds: budget.resetSeconds }),
    extensions: { retryAfterSeconds: budget.resetSeconds },
    headers: rateLimitHeaders(budget),
  });
}

/** What lib/ throws, as the API's problems (the same refusals the web UI shows, as codes). */
async function answerError(error: unknown, locale: Locale, name: string): Promise<Response> {
  if (error instanceof ApiProblem) return problemResponse(error.code, locale, error.init);
  if (error instanceof NotAuthorizedError) return problemResponse("forbidden", locale);
  if (error instanceof CaseNotFoundError) return problemResponse("not_found", locale);
  if (error instanceof ConcurrentChangeError)
    return problemResponse("version_conflict", locale, { detail: problemDetail("conflict", locale) });
  if (error instanceof TransitionNotAllowedError) return problemResponse("transition_not_allowed", locale);
  if (error instanceof UserFacingError) {
    const errors = error.fieldErrors ? await fieldErrorsAsProblems(error.fieldErrors, locale) : [];
    return problemResponse("validation_failed", locale, {
      detail: (await translateMessage(error.messageKey, locale)) || undefined,
      extensions: { errors },
    });
  }
  logger().error({ err: error, event: "api", route: name }, `api ${name} failed`);
  return problemResponse("internal_error", locale);
}
