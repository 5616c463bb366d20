"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { ButtonForm } from "@/components/ui/button-form";
import type { ActionResult } from "@/lib/action-result";
import { markAllNotificationsRead } from "@/lib/notifications/inbox-actions";

/** "Mark all as read", shown while anything is unread; afterwards a confirmation takes its place (and focus). */
export function InboxMarkAll({ unread }: { unread: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ActionResult<{ count: number }> | null, FormData>(
    markAllNotificationsRead,
    null,
  );
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (state?.ok) doneRef.current?.focus();
  }, [state]);

  if (state?.ok && unread === 0) {
    return (
      <p
        ref={doneRef}
        tabIndex={-1}
        role="status"
        className="inline-flex min-h-11 items-center text-sm text-slate-700"
      >
        {t("notifications.inbox.markedAllRead")}
      </p>
    );
  }
  if (unread === 0) return null;
  return (
    <ButtonForm
      action={action}
      pending={pending}
      label={pending ? t("notifications.inbox.markingAllRead") : t("notifications.inbox.markAllRead")}
      error={state && !state.ok ? t(state.message) : null}
      variant="primary"
      className="w-full sm:w-auto"
    />
  );
}
