import Link from "next/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { Pager, withParams } from "@/components/admin/pager";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEntries } from "@/lib/audit/data";
import { auditQuerySchema } from "@/lib/audit/schema";
import { requireArea } from "@/lib/auth/session";
import { firstValues } from "@/lib/staff/schema";

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
  const [t, tCommon, timeZone] = await Promise.all([
    getTranslations("admin.audit"),
    getTranslations("admin.common"),
    getTimeZone(),
  ]);
  const page = await listAuditEntries(user, query, timeZone);
  const filters = {
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
        <AuditFilters query={query} />
        <p role="status" className="text-sm text-slate-600">
          {page.items.length === 0 ? t("empty") : t("shown", { count: page.items.length })}
        </p>
        {page.items.length > 0 && <AuditTable items={page.items} />}
        <Pager
          label={tCommon("pagination")}
          previous={
            page.newerCursor
              ? {
                  href: withParams(PATH, filters, { after: page.newerCursor }),
                  label: t("newer"),
                  rel: "prev",
                }
              : null
          }
          next={
            page.olderCursor
              ? {
                  href: withParams(PATH, filters, { before: page.olderCursor }),
                  label: t("older"),
                  rel: "next",
                }
              : null
          }
        />
        {paged && (
          <Link
            href={withParams(PATH, filters, {})}
            className="inline-flex min-h-11 items-center self-start text-sm font-semibold text-brand-700 hover:underline"
          >
            {t("newest")}
          </Link>
        )}
      </div>
    </>
  );
}
