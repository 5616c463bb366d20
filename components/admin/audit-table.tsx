import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { AuditPage } from "@/lib/audit/data";
import {
  caseHref,
  describeAuditEntry,
  type DescribeContext,
  type Translate,
} from "@/lib/audit/describe-entry";
import { formatMoney } from "@/lib/catalog/fees";
import { AuditDetails } from "./audit-details";

const ENTITY_LINKS: Record<string, (id: string) => string> = {
  service: (id) => `/console/admin/services/${id}`,
  shift: (id) => `/console/rota/${id}`,
  handover: (id) => `/console/handover/${id}`,
};

/** Times in the viewer's zone (next-intl's formatter carries the zone the browser reported). */
export async function AuditTable({ page }: { page: AuditPage }) {
  const [t, tAll, format, locale] = await Promise.all([
    getTranslations("admin.audit"),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const moneyLocale = locale === "zh" ? "zh" : "en";
  const ctx: DescribeContext = {
    t: tAll as unknown as Translate,
    people: page.people,
    cases: page.cases,
    dateTime: (date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }),
    money: (minor, currency) => formatMoney(minor, currency, moneyLocale),
    number: (value) => format.number(value),
  };
  const typeName = (type: string) =>
    tAll.has(`admin.audit.entityTypes.${type}`) ? t(`entityTypes.${type}` as never) : type;
  return (
    <DataTable
      caption={t("table.caption")}
      className="min-w-[40rem] table-fixed"
      alignTop
      columns={[
        { label: t("table.time"), className: "w-28" },
        { label: t("table.actor"), className: "w-32" },
        { label: t("table.action"), className: "w-40" },
        { label: t("table.entity"), className: "w-32" },
        { label: t("table.details") },
      ]}
    >
      {page.items.map((entry) => {
        const described = describeAuditEntry(entry, ctx);
        const actor = entry.actorId ? page.people.get(entry.actorId) : null;
        const person = entry.entityType === "user" && entry.entityId ? page.people.get(entry.entityId) : null;
        const about = entry.applicationNumber
          ? {
              text: formatApplicationNumber(entry.applicationNumber),
              href: caseHref(entry.applicationNumber),
            }
          : person
            ? { text: person.name, href: person.href }
            : entry.service
              ? {
                  text: locale === "zh" ? entry.service.nameZh : entry.service.nameEn,
                  href: ENTITY_LINKS.service!(entry.entityId!),
                }
              : entry.entityId && ENTITY_LINKS[entry.entityType]
                ? { text: t("open"), href: ENTITY_LINKS[entry.entityType]!(entry.entityId) }
                : null;
        return (
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
                  {actor?.href ? (
                    <TextLink href={actor.href} size="inherit" inline className="block">
                      {entry.actor.displayName}
                    </TextLink>
                  ) : (
                    <span className="block font-medium">{entry.actor.displayName}</span>
                  )}
                  <span className="block truncate text-xs text-slate-600" title={entry.actor.email}>
                    {entry.actor.email}
                  </span>
                </>
              ) : (
                <span className="text-slate-600">{t("system")}</span>
              )}
            </td>
            <th scope="row" className="py-2 pr-3 font-medium break-words">
              {described.action}
            </th>
            <td className="py-2 pr-3 break-words">
              <span className="block text-xs text-slate-600">{typeName(entry.entityType)}</span>
              {about &&
                (about.href ? (
                  <TextLink href={about.href} size="inherit" inline className="block">
                    {about.text}
                  </TextLink>
                ) : (
                  <span className="block">{about.text}</span>
                ))}
              {entry.entityId && (
                <TextLink
                  href={`/console/admin/audit?entityType=${encodeURIComponent(entry.entityType)}&entityId=${encodeURIComponent(entry.entityId)}`}
                  size="sm"
                  className="text-xs font-normal"
                >
                  {t("onlyThis")}
                  <span className="sr-only">
                    {" "}
                    — {t("entityFilter", { id: about?.text ?? typeName(entry.entityType) })}
                  </span>
                </TextLink>
              )}
            </td>
            <td className="py-2">
              <AuditDetails lines={described.lines} colon={t("colon")} />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
