"use client";

import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/admin/form-status";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { Button } from "@/components/ui/button";
import { acknowledge } from "@/lib/handover/actions";

/** The incoming shift confirms it has read the handover; the page then shows who did and when. */
export function AcknowledgeButton({ handoverId, authorName }: { handoverId: string; authorName: string }) {
  const t = useTranslations("rota.handover.acknowledge");
  const { state, pending, onSubmit, failure } = useAdminForm(acknowledge);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <input type="hidden" name="handoverId" value={handoverId} />
      <Button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        aria-label={t("label", { name: authorName })}
        className="sm:self-start"
      >
        {pending ? t("pending") : t("button")}
      </Button>
      <FormStatus failure={failure} success={state?.ok ? t("done") : null} />
    </form>
  );
}
