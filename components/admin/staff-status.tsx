"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { changeStaffStatus } from "@/lib/staff/actions";
import { ConfirmActionDialog } from "@/components/ui/confirm-dialog";
import { FormStatus } from "@/components/ui/form-status";

type Props = { userId: string; name: string; active: boolean; openCases: number; isSelf: boolean };

/**
 * Deactivate or reactivate, each after a confirmation; an admin's own account only explains why not.
 * One dialog component for both (no key): the page re-renders with the new status in the same
 * commit as the result, and a swapped component would never see its result.
 */
export function StaffStatus({ userId, name, active, openCases, isSelf }: Props) {
  const t = useTranslations("admin.staff.status");
  const tCommon = useTranslations("admin.common");
  const [done, setDone] = useState<string | null>(null);
  if (isSelf) return <p className="text-sm text-slate-700">{t("selfNote")}</p>;
  const labels = active
    ? {
        open: t("deactivate"),
        title: t("deactivateTitle", { name }),
        body: t("deactivateBody", { name, count: openCases }),
        confirm: t("confirmDeactivate"),
        pending: t("deactivating"),
      }
    : {
        open: t("reactivate"),
        title: t("reactivateTitle", { name }),
        body: t("reactivateBody", { name }),
        confirm: t("confirmReactivate"),
        pending: t("reactivating"),
      };
  return (
    <div className="flex flex-col gap-3">
      <FormStatus success={done} />
      <ConfirmActionDialog
        tone={active ? "danger" : "primary"}
        openClassName="w-full sm:w-auto sm:self-start"
        action={changeStaffStatus}
        fields={{ userId, active: String(!active) }}
        labels={{ ...labels, cancel: tCommon("cancel") }}
        onSuccess={(data) =>
          setDone(data.active ? t("reactivated") : t("deactivated", { count: data.unassignedCases }))
        }
      />
    </div>
  );
}
