"use client";

import { useTranslations } from "next-intl";
import { ConfirmActionDialog } from "@/components/ui/confirm-dialog";
import { removeShift } from "@/lib/rota/actions";

/** Asks first; on success the action goes back to the rota, which says the shift was deleted. */
export function DeleteShift({ shiftId, name, weekday }: { shiftId: string; name: string; weekday: string }) {
  const t = useTranslations("rota.shift.delete");
  return (
    <ConfirmActionDialog
      tone="danger"
      action={removeShift}
      fields={{ shiftId }}
      labels={{
        open: t("open"),
        title: t("title"),
        body: t("body", { name, weekday }),
        confirm: t("confirm"),
        pending: t("pending"),
        cancel: t("cancel"),
      }}
    />
  );
}
