"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { ButtonForm } from "@/components/ui/button-form";
import { useActionForm } from "@/components/ui/use-action-form";
import { markAllNotificationsRead } from "@/lib/notifications/inbox-actions";

/** "Mark all as read", shown while anything is unread; afterwards a confirmation takes its place (and focus). */
export function InboxMarkAll({ unread }: { unread: number }) {
  const t = useTranslations();
  const doneRef = useRef<HTMLParagraphElement>(null);
  const { state, pending, formAction, failure } = useActionForm(markAllNotificationsRead, {
    onSuccess: () => doneRef.current?.focus(),
  });

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
      action={formAction}
      pending={pending}
      label={pending ? t("notifications.inbox.markingAllRead") : t("notifications.inbox.markAllRead")}
      error={failure}
      variant="primary"
      className="w-full sm:w-auto"
    />
  );
}
