import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { DataTable } from "@/components/ui/data-table";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { AuditEntry } from "@/lib/audit/data";
import { AuditDetails } from "./audit-details";
import { TextLink } from "@/components/ui/text-link";

/** Times in the viewer's zone (next-intl's formatter carries the zone the browser reported). */
export async function AuditTable({ items }: { items: AuditEntry[] }) {
  const [t, format] = await Promise.all([getTranslations("admin.audit"), getFormat()]);
  return (
    <DataTable
      caption={t("table.caption")}
      className="min-w-[42rem] table-fixed"
      alignTop
      columns={[
        { label: t("table.time"), className: "w-28" },
        { label: t("table.actor"), className: "w-32" },
        { label: t("table.action"), className: "w-44" },
        { label: t("table.entity"), className: "w-28" },
        { label: t("table.details") },
      ]}
    >
      {items.map((entry) => (
        <tr key={entry.id}>
          <td className="py-2 pr-3 tabular-nums">
            <time dateTime={entry.createdAt.toISOString()}>
              <span className="block">{format.dateTime(entry.createdAt, { dateStyle: "medium" })}</span>
              <span className="block text-slate-600">
                {format.dateTime(entry.createdAt, { timeStyle: "medium" })}
              </span>
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
          <th scope="row" className="py-2 pr-3 font-mono text-xs font-medium break-words">
            {entry.action}
          </th>
          <td className="py-2 pr-3">
            <span className="block text-xs text-slate-500">{entry.entityType}</span>
            {entry.entityId && (
              // Shortened for the column; the link filters the log by this entity, whose full id it carries.
              <TextLink
                href={`/console/admin/audit?entityType=${encodeURIComponent(entry.entityType)}&entityId=${encodeURIComponent(entry.entityId)}`}
                title={t("entityFilter", { id: entry.entityId })}
                className="font-mono text-xs font-normal"
              >
                {entry.applicationNumber
                  ? formatApplicationNumber(entry.applicationNumber)
                  : `${entry.entityId.slice(0, 8)}…`}
                <span className="sr-only"> — {t("entityFilter", { id: entry.entityId })}</span>
              </TextLink>
            )}
          </td>
          <td className="py-2">
            <AuditDetails details={entry.details} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
