"use client";

import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { acknowledgePageAction } from "@/lib/paging/actions";

/** One button; works before JavaScript has loaded. On success the action reloads the page, acknowledged. */
export function AcknowledgePageForm({ token }: { token: string }) {
  const t = useTranslations("rota.paging");
  const { pending, formAction, failure } = useActionForm(acknowledgePageAction);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {failure && <Notice tone="error">{failure}</Notice>}
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} label={t("button")} pendingLabel={t("acknowledging")} />
    </form>
  );
}
