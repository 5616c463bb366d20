"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/action-result";
import { confirmEmailAddress } from "@/lib/auth/actions";

/** One button; works before JavaScript has loaded. On success the action redirects. */
export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations("auth.confirm");
  const tRoot = useTranslations();
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(
    confirmEmailAddress,
    null,
  );
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {state && !state.ok && <Notice tone="error">{tRoot(state.message)}</Notice>}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("confirming") : t("button")}
      </Button>
    </form>
  );
}
