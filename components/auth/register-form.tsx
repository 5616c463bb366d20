"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { TextLink } from "@/components/ui/text-link";
import { useActionForm } from "@/components/ui/use-action-form";
import { registerApplicant } from "@/lib/auth/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schema";
import { signInPath } from "@/lib/auth/sign-in-path";

/**
 * Posts to the action also before JavaScript has loaded (never a GET with the password in the URL).
 * Success is "check your email" whether or not the address already had an account (decision 010).
 */
export function RegisterForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const { state, pending, formAction, onSubmit, failure, errorsFor } = useActionForm(registerApplicant, {
    messageValues: { min: PASSWORD_MIN_LENGTH },
  });

  if (state?.ok) {
    return (
      <section aria-labelledby="check-email" className="flex flex-col gap-3">
        <h2 id="check-email" className="text-lg font-semibold">
          {t("auth.checkEmailTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("auth.checkEmailBody", { email: state.data.email })}</p>
        <p className="text-sm text-slate-600">{t("auth.checkEmailSpam")}</p>
        {/* Unconfirmed accounts may sign in and prepare an application: on to where they were going. */}
        <TextLink href={signInPath(callbackUrl)}>{t("auth.continueSignIn")}</TextLink>
      </section>
    );
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {failure && <Notice tone="error">{failure}</Notice>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        name="displayName"
        label={t("auth.displayName")}
        autoComplete="name"
        required
        errors={errorsFor("displayName")}
      />
      <TextField
        name="email"
        type="email"
        label={t("auth.email")}
        autoComplete="email"
        inputMode="email"
        required
        errors={errorsFor("email")}
      />
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
      <SubmitButton
        pending={pending}
        label={t("auth.createAccount")}
        pendingLabel={t("auth.creatingAccount")}
      />
    </form>
  );
}
