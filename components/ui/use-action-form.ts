"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useEffectEvent, type FormEvent } from "react";
import { announceSessionExpired } from "@/components/auth/session-expired";
import { isSessionExpired, type ActionResult } from "@/lib/action-result";
import { failureLead } from "@/lib/validation/failure-lead";

/** A Server Action as useActionState calls it. `R` may add fields to a refusal (e.g. when to try again). */
export type FormAction<R extends ActionResult<unknown>> = (
  previous: R | null,
  formData: FormData,
) => Promise<R>;

type Options<R extends ActionResult<unknown>> = {
  /** Placeholders some messages carry, e.g. `{ min: 12 }` for "Use at least {min} characters". */
  messageValues?: Record<string, string | number>;
  /** Once per answer that worked (e.g. close a dialog, move focus, tell a list). */
  onSuccess?: (data: Extract<R, { ok: true }>["data"]) => void;
  /** Once per refusal (e.g. refresh the page when the case changed meanwhile). */
  onFailure?: (failure: Extract<R, { ok: false }>) => void;
  /** Field errors the form shows in its summary rather than on a field (see failureLead). */
  unplaced?: readonly string[];
};

/**
 * useActionState on the one result shape (`{ ok: true, data } | { ok: false, message, fieldErrors? }`,
 * message and field errors as i18n keys), plus what every form needs:
 * - `onSubmit`, submitting by hand: typed values survive a refusal (React resets a form whose
 *   `action` prop ran) and a second submit while one runs is dropped;
 * - `formAction` for the form's `action` prop as well, so a form sent before JavaScript has loaded
 *   still posts to the action (never a GET that would put a password or ID number in the URL);
 * - the refusal's message and field errors, translated.
 */
export function useActionForm<R extends ActionResult<unknown>>(
  action: FormAction<R>,
  options: Options<R> = {},
) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<R | null, FormData>(action, null);

  const report = useEffectEvent((result: R) => {
    // The form shows the message; the page's header and banner turn to "sign in again".
    if (isSessionExpired(result)) announceSessionExpired();
    if (result.ok) options.onSuccess?.(result.data);
    else options.onFailure?.(result as Extract<R, { ok: false }>);
  });
  useEffect(() => {
    if (state) report(state);
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  const failed = state && !state.ok ? (state as Extract<R, { ok: false }>) : null;
  const translate = (key: string) => t(key, options.messageValues);
  return {
    state,
    pending,
    formAction,
    onSubmit,
    /** The refusal itself (with any extra fields), or null. */
    failed,
    /** The refusal's message, translated. */
    failure: failed ? translate(failureLead(failed, options.unplaced)) : null,
    /** A field's errors, translated; undefined when it has none. */
    errorsFor: (field: string): string[] | undefined => failed?.fieldErrors?.[field]?.map(translate),
  };
}
