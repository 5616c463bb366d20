import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { NodeTabs } from "@/components/console/node-tabs";
import { QUEUE_SEARCH_ID, QueueFilters } from "@/components/console/queue-filters";
import { QueuePagination } from "@/components/console/queue-pagination";
import { toQueueRowView } from "@/components/console/queue-rows";
import { QueueTable } from "@/components/console/queue-table";
import { OverloadedStaff } from "@/components/handover/overloaded-staff";
import { PendingHandoverBanner } from "@/components/handover/pending-handover-banner";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import { requireArea } from "@/lib/auth/session";
import { countOpenCasesByNode, listQueue, listQueueFilterOptions } from "@/lib/console/data";
import { listOverloadedStaff } from "@/lib/rota/load-data";
import {
  hasActiveFilters,
  parseQueueFilters,
  queueHref,
  queueParams,
  type QueueSearchParams,
} from "@/lib/console/queue-schema";
import { TextLink } from "@/components/ui/text-link";

export async function generateMetadata() {
  return { title: (await getTranslations("console"))("title") };
}

export default async function ConsolePage({ searchParams }: { searchParams: Promise<QueueSearchParams> }) {
  const filters = parseQueueFilters(await searchParams);
  const query = queueParams(filters).toString();
  const user = await requireArea("console", query ? `/console?${query}` : "/console");
  const now = new Date();
  const [t, tConsole, tRoles, tNodes, tTiers, format, locale, page, counts, options, overloaded] =
    await Promise.all([
      getTranslations("queue"),
      getTranslations("console"),
      getTranslations("roles"),
      getTranslations("nodes"),
      getTranslations("catalog.tiers"),
      getFormat(),
      getLocale(),
      listQueue(user, filters, now),
      countOpenCasesByNode(user),
      listQueueFilterOptions(user),
      listOverloadedStaff(user),
    ]);
  // A page past the end (the queue shrank since the link was made) shows the last one instead.
  if (filters.page > page.pageCount) redirect(queueHref(filters, { page: page.pageCount }));

  const rows = page.items.map((row) =>
    toQueueRowView(row, { t, tNodes, tTiers, format, locale, viewerId: user.id, now }),
  );
  const searchedNumber =
    filters.search?.kind === "number" ? formatApplicationNumber(filters.search.number) : null;
  return (
    <>
      <PageHeader
        title={tConsole("title")}
        description={tConsole("welcome", { name: user.displayName, role: tRoles(user.role) })}
      />
      <PendingHandoverBanner viewer={user} />
      <OverloadedStaff people={overloaded} />
      <section aria-labelledby="queue-heading" className="flex flex-col gap-4">
        <h2 id="queue-heading" className="text-xl font-semibold">
          {t("title")}{" "}
          <span className="font-normal text-slate-600">· {t("results", { count: page.total })}</span>
        </h2>
        <QueueFilters filters={filters} options={options} locale={locale} viewerId={user.id} />
        <NodeTabs filters={filters} counts={counts} />
        {searchedNumber && <Notice>{t("searchedNumber", { number: searchedNumber })}</Notice>}
        <div className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-3 sm:p-4">
          {/* Keyed by the query: another page or filter starts with no row selected. */}
          <QueueTable
            key={query}
            rows={rows}
            searchId={QUEUE_SEARCH_ID}
            empty={
              <div className="text-slate-600">
                <p>{hasActiveFilters(filters) ? t("empty") : t("emptyAll")}</p>
                {hasActiveFilters(filters) && (
                  <TextLink href="/console" className="mt-1">
                    {t("clearFilters")}
                  </TextLink>
                )}
              </div>
            }
          />
          <QueuePagination filters={filters} page={page.page} pageCount={page.pageCount} />
        </div>
      </section>
    </>
  );
}
