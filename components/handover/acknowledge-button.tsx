"use client";

import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { acknowledge } from "@/lib/handover/actions";

/** The incoming shift confirms it has read the handover; the page then shows who did and when. */
export function AcknowledgeButton({ handoverId, authorName }: { handoverId: string; authorName: string }) {
  const t = useTranslations("rota.handover.acknowledge");
  const { state, pending, onSubmit, failure } = useActionForm(acknowledge);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <input type="hidden" name="handoverId" value={handoverId} />
      <SubmitButton
        pending={pending}
        label={t("button")}
        pendingLabel={t("pending")}
        aria-label={t("label", { name: authorName })}
        className="sm:self-start"
      />
      <FormStatus failure={failure} success={state?.ok ? t("done") : null} />
    </form>
  );
}
