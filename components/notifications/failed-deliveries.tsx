"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import { useState } from "react";
import { Notice } from "@/components/ui/notice";
import { DataTable } from "@/components/ui/data-table";
import type { FailedNotificationItem } from "@/lib/notifications/data";
import { RetryButton } from "./retry-button";

/**
 * Messages given up by the worker. A client component so the "queued again" announcement outlives
 * the row it was about (the retried row leaves the list when the page revalidates).
 */
export function FailedDeliveries({
  items,
  canRetry,
}: {
  items: FailedNotificationItem[];
  canRetry: boolean;
}) {
  const t = useTranslations("notifications.mailbox");
  const format = useFormat();
  const [retried, setRetried] = useState<string | null>(null);

  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite" className="empty:hidden">
        {retried && <Notice tone="success">{t("failed.retried")}</Notice>}
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("failed.empty")}</p>
      ) : (
        <DataTable
          caption={t("failed.heading")}
          className="min-w-[44rem] table-fixed"
          alignTop
          columns={[
            { label: t("failed.template"), className: "w-40" },
            { label: t("failed.to"), className: "w-44" },
            { label: t("failed.attempts"), className: "w-20" },
            { label: t("failed.lastError") },
            // pr-3 even when it is the last column, as before the retry column existed.
            { label: t("failed.created"), className: "w-28 pr-3" },
            ...(canRetry ? [{ label: t("failed.actions"), className: "w-32" }] : []),
          ]}
        >
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="py-2 pr-3 font-medium">
                <span className="block font-mono text-xs break-words">{item.template}</span>
                <span className="block text-xs text-slate-500">{t(`channel.${item.channel}`)}</span>
              </th>
              <td className="py-2 pr-3 break-words">{item.toAddress ?? "—"}</td>
              <td className="py-2 pr-3 tabular-nums">{item.attempts}</td>
              <td className="py-2 pr-3 font-mono text-xs break-words text-red-800">
                {item.lastError ?? "—"}
              </td>
              <td className="py-2 pr-3 tabular-nums">
                <time dateTime={item.createdAt.toISOString()}>
                  {format.dateTime(item.createdAt, { dateStyle: "short", timeStyle: "short" })}
                </time>
              </td>
              {canRetry && (
                <td className="py-2">
                  <RetryButton
                    notificationId={item.id}
                    to={item.toAddress ?? item.template}
                    onRetried={setRetried}
                  />
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {!canRetry && items.length > 0 && (
        <p className="text-sm text-slate-600">{t("failed.supervisorsOnly")}</p>
      )}
    </div>
  );
}
