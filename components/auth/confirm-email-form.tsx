"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { confirmEmailAddress } from "@/lib/auth/actions";

/** One button; works before JavaScript has loaded. On success the action redirects. */
export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations("auth.confirm");
  const { pending, formAction, failure } = useActionForm(confirmEmailAddress);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {failure && <Notice tone="error">{failure}</Notice>}
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} label={t("button")} pendingLabel={t("confirming")} />
    </form>
  );
}
