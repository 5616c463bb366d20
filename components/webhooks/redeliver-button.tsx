"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmActionDialog } from "@/components/ui/confirm-dialog";
import { FormStatus } from "@/components/ui/form-status";
import { redeliver } from "@/lib/webhooks/actions";

/**
 * "Redeliver" for one delivery, after a confirmation. The dialog stays mounted while the delivery
 * waits (its button hidden): the success is reported in an effect, after the refreshed page arrives.
 */
export function RedeliverButton({
  deliveryId,
  eventLabel,
  number,
  waiting,
}: {
  deliveryId: string;
  eventLabel: string;
  number: string;
  waiting: boolean;
}) {
  const t = useTranslations("webhooks.console");
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <FormStatus success={done} />
      <ConfirmActionDialog
        id={`redeliver-${deliveryId}`}
        openClassName={waiting ? "hidden" : "w-full sm:w-auto"}
        action={redeliver}
        fields={{ deliveryId }}
        labels={{
          open: t("redeliver"),
          title: t("redeliverTitle"),
          body: t("redeliverBody", { event: eventLabel, number }),
          confirm: t("redeliverConfirm"),
          pending: t("redeliverConfirm"),
          cancel: t("cancel"),
        }}
        onSuccess={() => setDone(t("redelivered"))}
      />
    </div>
  );
}
