"use client";

import { useTranslations } from "next-intl";
import { ButtonForm } from "@/components/ui/button-form";
import { useActionForm } from "@/components/ui/use-action-form";
import { retryNotification } from "@/lib/notifications/actions";

/** One failed message back into the queue; the list announces success (this row then disappears). */
export function RetryButton({
  notificationId,
  to,
  onRetried,
}: {
  notificationId: string;
  to: string;
  onRetried: (to: string) => void;
}) {
  const t = useTranslations();
  const { pending, formAction, failure } = useActionForm(retryNotification, {
    onSuccess: () => onRetried(to),
  });

  return (
    <ButtonForm
      action={formAction}
      fields={{ notificationId }}
      pending={pending}
      label={pending ? t("notifications.mailbox.failed.retrying") : t("notifications.mailbox.failed.retry")}
      accessibleLabel={t("notifications.mailbox.failed.retryFor", { to })}
      error={failure}
    />
  );
}
