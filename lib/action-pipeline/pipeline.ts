import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { failure, invalidInput, sessionExpired, type ActionFailure } from "@/lib/action-result";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { releaseAttempt, reserveAttempt, type RateLimitCheck } from "@/lib/rate-limit/mutations";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";
import type { FieldKey } from "@/lib/validation/field-errors";
import { logAction, requestFacts, type ActionOutcome } from "./log";

// Every Server Action runs these steps, in this order (decision 014):
//   name → session → access → input guard → schema → check → authorize → rate limit → run → one log line → result.
// Expected refusals (UserFacingError, a failed schema, a refused authorization or rate limit) come
// back as an ActionResult failure; anything else is logged and rethrown, so Next shows its error page
// with a digest and nothing internal reaches the client. Redirects happen after the log line, outside
// any try/catch (Next's redirect works by throwing).

/**
 * Who may call the action at all, decided before any input is read (no work is done for strangers):
 * "public" never reads the session (viewer null), "anyone" reads it and lets visitors in too.
 */
export type Access = "public" | "anyone" | "signedIn" | ((viewer: CurrentUser) => boolean);

type ViewerFor<A extends Access> = A extends "public"
  ? null
  : A extends "anyone"
    ? CurrentUser | null
    : CurrentUser;

export type ActionContext<A extends Access, Data> = {
  viewer: ViewerFor<A>;
  data: Data;
  /** What was posted (FormData for form actions), for the odd field that is not the schema's. */
  raw: unknown;
  ip: string | null;
  requestId: string | null;
};

/** A refusal with a shape of its own (e.g. carrying a retry time), returned as it is. */
export class Refusal<F extends ActionFailureLike> {
  constructor(readonly result: F) {}
}
export type ActionFailureLike = { ok: false; message: string };

export function refuse<F extends ActionFailureLike>(result: F): Refusal<F> {
  return new Refusal(result);
}

/** ActionResult<T> plus any own refusal shapes; an action that never succeeds (it redirects) has T = never. */
export type PipelineResult<T, F> = ([T] extends [never] ? never : { ok: true; data: T }) | ActionFailure | F;

export type ActionConfig<
  A extends Access,
  S extends z.ZodType,
  T,
  F extends ActionFailureLike,
  R extends Target = Target,
> = {
  /** Names the action in its log line, e.g. rota.saveShift. */
  name: string;
  access: A;
  schema: S;
  /** Which field a schema issue belongs to (lib/validation/field-errors.ts); the top-level one by default. */
  fieldKey?: FieldKey;
  /** The answer when the schema refuses; by default "errors.checkFields" with the field errors. */
  invalid?: (error: z.ZodError, raw: unknown) => ActionFailure;
  /**
   * Checks on the parsed input that need the server (e.g. a password's strength), before authorization
   * and before any attempt is reserved: fixing the input should not spend a rate limit.
   */
  check?: (context: ActionContext<A, z.output<S>>) => Promise<ActionFailure | null> | ActionFailure | null;
  /** Authorization on the resource, once the input is known; false is "errors.notAuthorized". */
  authorize?: (context: ActionContext<A, z.output<S>>) => boolean | Promise<boolean>;
  /** Attempts reserved atomically before the work (lib/rate-limit); refused → `message`. */
  rateLimit?: {
    checks: (context: ActionContext<A, z.output<S>>) => readonly RateLimitCheck[];
    message: string;
    /** Give the attempt back when the action succeeds (only failures count). */
    releaseOnSuccess?: boolean;
  };
  run: (context: ActionContext<A, z.output<S>>) => Promise<T | Refusal<F>>;
  /** Sees an expected refusal first: may refresh a page, or answer with an own shape. */
  onRefused?: (error: UserFacingError) => F | void;
  /** Where to go after success (outside any try/catch, after the log line); always a path → no success result. */
  redirectTo?: (data: T) => R;
};

type Target = string | null | undefined;

/** What the caller gets back: nothing on success when the action always redirects. */
type Answer<T, F, R> = Promise<PipelineResult<[R] extends [string] ? never : T, F>>;

type Step = { outcome: ActionOutcome; result: PipelineResult<unknown, ActionFailureLike> };

async function execute<
  A extends Access,
  S extends z.ZodType,
  T,
  F extends ActionFailureLike,
  R extends Target,
>(
  config: ActionConfig<A, S, T, F, R>,
  raw: unknown,
  toSchemaInput: ((raw: unknown) => unknown) | null,
): Answer<T, F, R> {
  const started = performance.now();
  const { ip, requestId } = await requestFacts();
  let step: Step;
  try {
    step = await steps(config, raw, toSchemaInput, { ip, requestId });
  } catch (error) {
    logAction({ name: config.name, outcome: "error", started, requestId, error });
    throw error;
  }
  logAction({ name: config.name, outcome: step.outcome, started, requestId });
  if (step.result.ok && config.redirectTo) {
    const target = config.redirectTo(step.result.data as T);
    if (target) redirect(target);
  }
  return step.result as Awaited<Answer<T, F, R>>;
}

async function steps<A extends Access, S extends z.ZodType, T, F extends ActionFailureLike, R extends Target>(
  config: ActionConfig<A, S, T, F, R>,
  raw: unknown,
  toSchemaInput: ((raw: unknown) => unknown) | null,
  facts: { ip: string | null; requestId: string | null },
): Promise<Step> {
  const viewer = config.access === "public" ? null : await getCurrentUser();
  const needsAccount = config.access !== "public" && config.access !== "anyone";
  // No live session where one is needed: it expired or was ended (sign-out elsewhere, password
  // change). A typed answer, so the form can say so and offer sign-in, rather than "not allowed".
  if (needsAccount && !viewer) return { outcome: "unauthorized", result: sessionExpired() };
  if (
    needsAccount &&
    config.access !== "signedIn" &&
    !(config.access as (v: CurrentUser) => boolean)(viewer!)
  )
    return { outcome: "unauthorized", result: failure("errors.notAuthorized") };
  // Whoever posts chooses what the argument decodes to (lib/validation/action-input.ts).
  if (toSchemaInput && !isFormData(raw)) return { outcome: "malformed", result: malformedRequest() };
  const parsed = config.schema.safeParse(toSchemaInput ? toSchemaInput(raw) : raw);
  if (!parsed.success)
    return {
      outcome: "invalid",
      result: config.invalid
        ? config.invalid(parsed.error, raw)
        : invalidInput(parsed.error, config.fieldKey),
    };
  const context = { viewer: viewer as ViewerFor<A>, data: parsed.data, raw, ...facts };
  const problem = config.check ? await config.check(context) : null;
  if (problem) return { outcome: "invalid", result: problem };
  if (config.authorize && !(await config.authorize(context)))
    return { outcome: "unauthorized", result: failure("errors.notAuthorized") };
  const reserved = config.rateLimit ? await reserveAttempt(config.rateLimit.checks(context)) : null;
  if (reserved && !reserved.ok) return { outcome: "throttled", result: failure(config.rateLimit!.message) };
  try {
    const outcome = await config.run(context);
    if (outcome instanceof Refusal) return { outcome: "refused", result: outcome.result };
    if (reserved?.ok && config.rateLimit?.releaseOnSuccess) await releaseAttempt(reserved.reservation);
    return { outcome: "ok", result: { ok: true, data: outcome } };
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    const own = config.onRefused?.(error);
    return { outcome: "refused", result: own ?? failure(error.messageKey, error.fieldErrors) };
  }
}

/** FormData as it arrives: one field per name (use `fields` for repeated ones and files). */
const allFields = (formData: FormData) => Object.fromEntries(formData);

/**
 * A Server Action posted by a form (`useActionState` or `<form action>`): `(previous, formData)`.
 * `fields` turns the FormData into what the schema parses; by default one value per field name.
 */
export function formAction<
  A extends Access,
  S extends z.ZodType,
  T,
  F extends ActionFailureLike = never,
  R extends Target = undefined,
>(
  config: ActionConfig<A, S, T, F, R> & { fields?: (formData: FormData) => unknown },
): (previous: unknown, formData: FormData) => Answer<T, F, R> {
  const fields = config.fields ?? allFields;
  return async (_previous, formData) => execute(config, formData, (raw) => fields(raw as FormData));
}

/** For an action called from code with one value (an id): the schema parses it as it is. */
export function runAction<
  A extends Access,
  S extends z.ZodType,
  T,
  F extends ActionFailureLike,
  R extends Target,
>(input: unknown, config: ActionConfig<A, S, T, F, R>): Answer<T, F, R> {
  return execute(config, input, null);
}
