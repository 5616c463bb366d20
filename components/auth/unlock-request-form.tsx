"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { requestUnlockLink, type UnlockRequestState } from "@/lib/auth/unlock-actions";

/** Offered under a "too many attempts" refusal: the owner's way past a stranger spending the account's attempts. */
export function UnlockRequestForm({ email }: { email: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<UnlockRequestState, FormData>(requestUnlockLink, null);
  return (
    <form
      action={formAction}
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm"
    >
      <input type="hidden" name="email" value={email} />
      <p>{t("auth.unlockOffer")}</p>
      <Button
        type="submit"
        variant="secondary"
        disabled={pending || state?.ok === true}
        aria-busy={pending}
        className="self-start"
      >
        {pending ? t("auth.unlockSending") : t("auth.unlockButton")}
      </Button>
      <p aria-live="polite" className={state && !state.ok ? "text-red-800" : "text-emerald-900"}>
        {state?.ok ? t("auth.unlockSent") : state ? t(state.message) : null}
      </p>
    </form>
  );
}
