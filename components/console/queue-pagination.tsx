import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { queueHref, type QueueFilters } from "@/lib/console/queue-schema";

/** "Page N of M" with previous/next links that keep every filter. */
export async function QueuePagination({
  filters,
  page,
  pageCount,
}: {
  filters: QueueFilters;
  page: number;
  pageCount: number;
}) {
  const t = await getTranslations("queue.pagination");
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link href={queueHref(filters, { page: page - 1 })} rel="prev" className={buttonClasses("secondary")}>
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">{t("pageOf", { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link href={queueHref(filters, { page: page + 1 })} rel="next" className={buttonClasses("secondary")}>
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
