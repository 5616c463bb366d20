"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { buttonClasses } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { retryNotification } from "@/lib/notifications/actions";

/** One failed message back into the queue; the list announces success (this row then disappears). */
export function RetryButton({ notificationId, to, onRetried }: { notificationId: string; to: string; onRetried: (to: string) => void }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(retryNotification, null);

  useEffect(() => {
    if (state?.ok) onRetried(to);
    // Only a new result should report, not a re-render with a new callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="notificationId" value={notificationId} />
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        aria-label={t("notifications.mailbox.failed.retryFor", { to })}
        className={buttonClasses("secondary")}
      >
        {pending ? t("notifications.mailbox.failed.retrying") : t("notifications.mailbox.failed.retry")}
      </button>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700">
          {t(state.message)}
        </p>
      )}
    </form>
  );
}
