"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ConfirmActionDialog } from "@/components/ui/confirm-dialog";
import { upgradeCaseTier } from "@/lib/workflow/actions";
import { CONCURRENT_CHANGE_KEY } from "@/lib/workflow/errors";

type Props = {
  applicationId: string;
  version: number;
  displayNumber: string;
  tier: "URGENT" | "EXPRESS";
  /** Already formatted: the tier's name, the price difference (null: nothing to pay), the decision time. */
  tierName: string;
  amount: string | null;
  time: string;
};

/** One faster tier: the button names it, the dialog says the price and the new time before paying. */
export function UpgradeDialog({
  applicationId,
  version,
  displayNumber,
  tier,
  tierName,
  amount,
  time,
}: Props) {
  const t = useTranslations("case.upgrade");
  const router = useRouter();
  return (
    <ConfirmActionDialog
      id={`upgrade-${tier.toLowerCase()}`}
      action={upgradeCaseTier}
      fields={{ applicationId, expectedVersion: String(version), tier }}
      labels={{
        open: t("open", { tier: tierName }),
        title: t("dialogTitle", { number: displayNumber, tier: tierName }),
        body: amount
          ? t("dialogBody", { amount, tier: tierName, time })
          : t("dialogBodyFree", { tier: tierName, time }),
        confirm: amount ? t("confirm", { amount }) : t("confirmFree"),
        pending: t("pending"),
        cancel: t("cancel"),
      }}
      // Someone else moved the case meanwhile: show the fresh state (the message says so).
      onFailure={(failure) => failure.message === CONCURRENT_CHANGE_KEY && router.refresh()}
    />
  );
}
