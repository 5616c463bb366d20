"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { ButtonForm } from "@/components/ui/button-form";
import { useActionForm } from "@/components/ui/use-action-form";
import { markNotificationRead } from "@/lib/notifications/inbox-actions";

type Props = { notificationId: string; title: string; read: boolean };

/**
 * "Mark as read" for one notification. Once done the button is gone, so focus moves to the
 * confirmation that replaces it instead of falling back to the top of the page.
 */
export function InboxMarkRead({ notificationId, title, read }: Props) {
  const t = useTranslations();
  const doneRef = useRef<HTMLParagraphElement>(null);
  const { state, pending, formAction, failure } = useActionForm(markNotificationRead, {
    onSuccess: () => doneRef.current?.focus(),
  });

  if (state?.ok) {
    return (
      <p
        ref={doneRef}
        tabIndex={-1}
        role="status"
        className="inline-flex min-h-11 items-center text-sm text-slate-600"
      >
        {t("notifications.inbox.markedRead")}
      </p>
    );
  }
  if (read) return null;
  const label = pending ? t("notifications.inbox.markingRead") : t("notifications.inbox.markRead");
  return (
    // Every item has this button: the title tells them apart for screen readers.
    <ButtonForm
      action={formAction}
      fields={{ notificationId }}
      pending={pending}
      label={label}
      accessibleLabel={`${label}: ${title}`}
      error={failure}
      className="w-full sm:w-auto"
    />
  );
}
