"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmActionDialog } from "@/components/ui/confirm-dialog";
import { FormStatus } from "@/components/ui/form-status";
import { reenableEndpoint } from "@/lib/webhooks/actions";

/**
 * Re-enables a disabled endpoint after a confirmation. The dialog stays mounted once it is enabled
 * (its button hidden): the success is reported in an effect, after the refreshed page has arrived.
 */
export function ReenableEndpoint({ endpointId, disabled }: { endpointId: string; disabled: boolean }) {
  const t = useTranslations("webhooks.console");
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <FormStatus success={done} />
      <ConfirmActionDialog
        id={`reenable-${endpointId}`}
        openClassName={!disabled ? "hidden" : "w-full sm:w-auto"}
        action={reenableEndpoint}
        fields={{ endpointId }}
        labels={{
          open: t("reenable"),
          title: t("reenableTitle"),
          body: t("reenableBody"),
          confirm: t("reenableConfirm"),
          pending: t("reenableConfirm"),
          cancel: t("cancel"),
        }}
        onSuccess={() => setDone(t("reenabled"))}
      />
    </div>
  );
}
