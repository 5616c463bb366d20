import { getTranslations } from "next-intl/server";
import { NumberedPager } from "@/components/ui/pager";
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
    <NumberedPager
      label={t("label")}
      status={t("pageOf", { page, count: pageCount })}
      page={page}
      hasNext={page < pageCount}
      hrefFor={(target) => queueHref(filters, { page: target })}
      labels={{ previous: t("previous"), next: t("next") }}
    />
  );
}
