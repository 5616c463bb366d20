"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/action-result";
import { registerApplicant } from "@/lib/auth/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schema";

export function RegisterForm() {
  const t = useTranslations();
  const router = useRouter();
  const [state, formAction, pending] = useActionState<ActionResult<{ email: string }> | null, FormData>(registerApplicant, null);
  // Kept from the submit event: the action's result never carries the password back.
  const passwordRef = useRef("");

  useEffect(() => {
    if (!state?.ok) return;
    // Sign straight in with what was just typed; on any hiccup fall back to the sign-in page.
    void signIn("credentials", { email: state.data.email, password: passwordRef.current, redirect: false }).then((result) => {
      router.replace(result?.ok && !result.error ? "/portal" : "/signin?registered=1");
      router.refresh();
    });
  }, [state, router]);

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const errorsFor = (field: string) => fieldErrors?.[field]?.map((key) => t(key, { min: PASSWORD_MIN_LENGTH }));

  // Submitting by hand (not via the form's action prop) keeps what was typed when validation fails.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    passwordRef.current = String(formData.get("password") ?? "");
    startTransition(() => formAction(formData));
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {state && !state.ok && <Notice tone="error">{t(state.message)}</Notice>}
      <TextField name="displayName" label={t("auth.displayName")} autoComplete="name" required errors={errorsFor("displayName")} />
      <TextField name="email" type="email" label={t("auth.email")} autoComplete="email" inputMode="email" required errors={errorsFor("email")} />
      <TextField
        name="password"
        type="password"
        label={t("auth.password")}
        hint={t("auth.passwordRules", { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        errors={errorsFor("password")}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("auth.confirmPassword")}
        autoComplete="new-password"
        required
        errors={errorsFor("confirmPassword")}
      />
      <Button type="submit" disabled={pending || state?.ok} aria-busy={pending}>
        {pending || state?.ok ? t("auth.creatingAccount") : t("auth.createAccount")}
      </Button>
    </form>
  );
}
