"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { ButtonForm } from "@/components/ui/button-form";
import type { ActionResult } from "@/lib/action-result";
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
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(
    retryNotification,
    null,
  );

  useEffect(() => {
    if (state?.ok) onRetried(to);
    // Only a new result should report, not a re-render with a new callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  return (
    <ButtonForm
      action={action}
      fields={{ notificationId }}
      pending={pending}
      label={pending ? t("notifications.mailbox.failed.retrying") : t("notifications.mailbox.failed.retry")}
      accessibleLabel={t("notifications.mailbox.failed.retryFor", { to })}
      error={state && !state.ok ? t(state.message) : null}
    />
  );
}
