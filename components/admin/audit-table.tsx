import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { AuditEntry, AuditPage } from "@/lib/audit/data";
import {
  caseHref,
  describeAuditEntry,
  type DescribeContext,
  type Segment,
  type Translate,
} from "@/lib/audit/describe-entry";
import { formatMoney } from "@/lib/catalog/fees";
import { AuditDetails, Segments } from "./audit-details";

const ENTITY_LINKS: Record<string, (id: string) => string> = {
  service: (id) => `/console/admin/services/${id}`,
  shift: (id) => `/console/rota/${id}`,
  handover: (id) => `/console/handover/${id}`,
};

/** What a row is about, by name, linked to its page: a case, a person, a service, a shift, a handover. */
function aboutOf(entry: AuditEntry, page: AuditPage, locale: string, open: string): Segment | null {
  if (entry.applicationNumber)
    return {
      text: formatApplicationNumber(entry.applicationNumber),
      href: caseHref(entry.applicationNumber),
    };
  const person = entry.entityType === "user" && entry.entityId ? page.people.get(entry.entityId) : null;
  if (person) return { text: person.name, ...(person.href ? { href: person.href } : {}) };
  if (entry.service && entry.entityId)
    return {
      text: locale === "zh" ? entry.service.nameZh : entry.service.nameEn,
      href: ENTITY_LINKS.service!(entry.entityId),
    };
  const link = ENTITY_LINKS[entry.entityType];
  return entry.entityId && link ? { text: open, href: link(entry.entityId) } : null;
}

/**
 * Times in the viewer's zone (next-intl's formatter carries the zone the browser reported). A table
 * from the small breakpoint up; on a phone the same entries as a list, so nothing scrolls sideways.
 */
export async function AuditTable({ page }: { page: AuditPage }) {
  const [t, tAll, format, locale] = await Promise.all([
    getTranslations("admin.audit"),
    getTranslations(),
    getFormat(),
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
  const rows = page.items.map((entry) => {
    const actor = entry.actorId ? page.people.get(entry.actorId) : null;
    const about = aboutOf(entry, page, locale, t("open"));
    const when = (
      <time dateTime={entry.createdAt.toISOString()}>
        {format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
      </time>
    );
    const who = entry.actor ? (
      <>
        <Segments
          segments={[{ text: entry.actor.displayName, ...(actor?.href ? { href: actor.href } : {}) }]}
        />
        <span className="block truncate text-xs text-slate-600" title={entry.actor.email}>
          {entry.actor.email}
        </span>
      </>
    ) : (
      <span className="text-slate-600">{t("system")}</span>
    );
    const subject = (
      <>
        <span className="block text-xs text-slate-600">{typeName(entry.entityType)}</span>
        {about && (
          <span className="block">
            <Segments segments={[about]} />
          </span>
        )}
        {entry.entityId && (
          <TextLink
            href={`/console/admin/audit?entityType=${encodeURIComponent(entry.entityType)}&entityId=${encodeURIComponent(entry.entityId)}`}
            className="text-xs font-normal"
          >
            {t("onlyThis")}
            <span className="sr-only">
              {" "}
              — {t("entityFilter", { id: about?.text ?? typeName(entry.entityType) })}
            </span>
          </TextLink>
        )}
      </>
    );
    return { entry, described: describeAuditEntry(entry, ctx), when, who, subject };
  });
  return (
    <>
      <ol
        aria-label={t("table.caption")}
        className="flex flex-col divide-y divide-slate-100 text-sm sm:hidden"
      >
        {rows.map(({ entry, described, when, who, subject }) => (
          <li key={entry.id} className="flex flex-col gap-1 py-3">
            <p className="font-medium text-slate-900">{described.action}</p>
            <p className="text-slate-600 tabular-nums">{when}</p>
            <div>{who}</div>
            <div>{subject}</div>
            <AuditDetails lines={described.lines} colon={t("colon")} />
          </li>
        ))}
      </ol>
      <div className="hidden sm:block">
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
          {rows.map(({ entry, described, when, who, subject }) => (
            <tr key={entry.id}>
              <td className="py-2 pr-3 tabular-nums">{when}</td>
              <td className="py-2 pr-3 break-words">{who}</td>
              <th scope="row" className="py-2 pr-3 font-medium break-words">
                {described.action}
              </th>
              <td className="py-2 pr-3 break-words">{subject}</td>
              <td className="py-2">
                <AuditDetails lines={described.lines} colon={t("colon")} />
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </>
  );
}
