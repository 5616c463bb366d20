import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { AuditEntry } from "@/lib/audit/data";
import { AuditDetails } from "./audit-details";

/** Times in the viewer's zone (next-intl's formatter carries the zone the browser reported). */
export async function AuditTable({ items }: { items: AuditEntry[] }) {
  const [t, format] = await Promise.all([getTranslations("admin.audit"), getFormatter()]);
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[42rem] table-fixed text-left text-sm">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="w-28 py-2 pr-3 font-medium">{t("table.time")}</th>
            <th scope="col" className="w-32 py-2 pr-3 font-medium">{t("table.actor")}</th>
            <th scope="col" className="w-44 py-2 pr-3 font-medium">{t("table.action")}</th>
            <th scope="col" className="w-28 py-2 pr-3 font-medium">{t("table.entity")}</th>
            <th scope="col" className="py-2 font-medium">{t("table.details")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {items.map((entry) => (
            <tr key={entry.id}>
              <td className="py-2 pr-3 tabular-nums">
                <time dateTime={entry.createdAt.toISOString()}>
                  <span className="block">{format.dateTime(entry.createdAt, { dateStyle: "medium" })}</span>
                  <span className="block text-slate-600">{format.dateTime(entry.createdAt, { timeStyle: "medium" })}</span>
                </time>
              </td>
              <td className="py-2 pr-3">
                {entry.actor ? (
                  <>
                    <span className="block font-medium">{entry.actor.displayName}</span>
                    <span className="block truncate text-xs text-slate-500" title={entry.actor.email}>
                      {entry.actor.email}
                    </span>
                  </>
                ) : (
                  <span className="text-slate-500">{t("system")}</span>
                )}
              </td>
              <th scope="row" className="py-2 pr-3 font-mono text-xs font-medium break-words">{entry.action}</th>
              <td className="py-2 pr-3">
                <span className="block text-xs text-slate-500">{entry.entityType}</span>
                {entry.entityId && (
                  // Shortened for the column; the link filters the log by this entity, whose full id it carries.
                  <Link
                    href={`/console/admin/audit?entityType=${encodeURIComponent(entry.entityType)}&entityId=${encodeURIComponent(entry.entityId)}`}
                    title={t("entityFilter", { id: entry.entityId })}
                    className="inline-flex min-h-11 items-center font-mono text-xs text-brand-700 hover:underline"
                  >
                    {entry.applicationNumber ? formatApplicationNumber(entry.applicationNumber) : `${entry.entityId.slice(0, 8)}…`}
                    <span className="sr-only"> — {t("entityFilter", { id: entry.entityId })}</span>
                  </Link>
                )}
              </td>
              <td className="py-2">
                <AuditDetails details={entry.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
