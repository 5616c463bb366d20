import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { Pager, withParams } from "@/components/ui/pager";
import { PageHeader } from "@/components/ui/page-header";
import { findAuditSubject, listAuditEntries, listAuditPeople } from "@/lib/audit/data";
import { auditQuerySchema } from "@/lib/audit/schema";
import { requireArea } from "@/lib/auth/session";
import { firstValues } from "@/lib/staff/schema";
import { TextLink } from "@/components/ui/text-link";

const PATH = "/console/admin/audit";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.audit"))("title") };
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireArea("admin", PATH);
  const query = auditQuerySchema.parse(firstValues(await searchParams));
  const [t, tCommon, timeZone, locale] = await Promise.all([
    getTranslations("admin.audit"),
    getTranslations("admin.common"),
    getTimeZone(),
    getLocale(),
  ]);
  const [page, staff, subject] = await Promise.all([
    listAuditEntries(user, query, timeZone),
    listAuditPeople(user),
    findAuditSubject(user, query, locale),
  ]);
  const filters = {
    actorId: query.actorId,
    actor: query.actor,
    action: query.action,
    entityType: query.entityType,
    entityId: query.entityId,
    from: query.from,
    to: query.to,
  };
  const paged = Boolean(query.before || query.after);

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { zone: timeZone })} />
      <div className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
        <AuditFilters query={query} staff={staff} subject={subject} />
        <p role="status" className="text-sm text-slate-600">
          {page.items.length === 0 ? t("empty") : t("shown", { count: page.items.length })}
        </p>
        {page.items.length > 0 && <AuditTable page={page} />}
        <Pager
          className="mt-4"
          label={tCommon("pagination")}
          previous={
            page.newerCursor
              ? {
                  href: withParams(PATH, filters, { after: page.newerCursor }),
                  label: t("newer"),
                }
              : null
          }
          next={
            page.olderCursor
              ? {
                  href: withParams(PATH, filters, { before: page.olderCursor }),
                  label: t("older"),
                }
              : null
          }
        />
        {paged && (
          <TextLink href={withParams(PATH, filters, {})} className="self-start">
            {t("newest")}
          </TextLink>
        )}
      </div>
    </>
  );
}
