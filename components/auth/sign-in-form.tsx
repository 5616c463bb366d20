"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, type FormEvent } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { UnlockRequestForm } from "./unlock-request-form";
import { signInWithPassword, type SignInState } from "@/lib/auth/sign-in-actions";

/**
 * Posts to a Server Action, so a form sent before JavaScript has loaded is a POST too and the
 * password never lands in a URL. With JavaScript the submit is taken by hand, which keeps what
 * was typed when the answer is a refusal.
 */
export function SignInForm({
  callbackUrl,
  notice,
}: {
  callbackUrl: string;
  notice?: { tone: "success" | "error"; text: string } | null;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInWithPassword, null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <>
      <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        {notice && !state && <Notice tone={notice.tone}>{notice.text}</Notice>}
        {state && (
          <Notice tone="error">
            {t(state.message, { minutes: state.minutes ?? 1, id: state.reference ?? "" })}
          </Notice>
        )}
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <TextField
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="email"
          inputMode="email"
          required
          defaultValue={state?.email}
        />
        <TextField
          name="password"
          type="password"
          label={t("auth.password")}
          autoComplete="current-password"
          required
        />
        <CheckboxField name="sharedDevice" label={t("auth.sharedDevice")} hint={t("auth.sharedDeviceHint")} />
        <SubmitButton pending={pending} label={t("auth.signIn")} pendingLabel={t("auth.signingIn")} />
      </form>
      {state?.message === "auth.throttled" && state.email && <UnlockRequestForm email={state.email} />}
    </>
  );
}
