"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schema";

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

// Placeholders some validation messages carry ("Use at least {min} characters").
const MESSAGE_VALUES = { min: PASSWORD_MIN_LENGTH };

/**
 * useActionState plus what every admin form needs: submitting by hand (so typed values survive a
 * refusal), translated field errors and a translated failure message.
 */
export function useAdminForm<T>(action: Action<T>) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  const failed = state && !state.ok ? state : null;
  return {
    state,
    pending,
    // For the form's action prop too: a form sent before JavaScript has loaded then still posts to
    // the action (never a GET that would put a password in the URL).
    formAction,
    onSubmit,
    failure: failed ? t(failed.message, MESSAGE_VALUES) : null,
    errorsFor: (field: string) => failed?.fieldErrors?.[field]?.map((key) => t(key, MESSAGE_VALUES)),
  };
}
