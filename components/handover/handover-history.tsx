import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { NumberedPager } from "@/components/ui/pager";
import type { HandoverSummary } from "@/lib/handover/data";
import { TextLink } from "@/components/ui/text-link";

type Props = { items: HandoverSummary[]; page: number; hasMore: boolean; hrefFor: (page: number) => string };

/** Past handovers, newest first, each linking to its full text; plain page links. */
export async function HandoverHistory({ items, page, hasMore, hrefFor }: Props) {
  const [t, format] = await Promise.all([getTranslations("rota.handover"), getFormat()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section
      aria-labelledby="history-heading"
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
    >
      <h2 id="history-heading" className="text-lg font-semibold">
        {t("history.heading")}
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("history.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((item) => {
            const time = when(item.createdAt);
            return (
              <li
                key={item.id}
                className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-center sm:justify-between sm:gap-4"
              >
                <TextLink
                  href={`/console/handover/${item.id}`}
                  aria-label={t("pending.readLabel", { name: item.author.displayName, time })}
                  size="inherit"
                >
                  {t("pending.from", { name: item.author.displayName })} · {time}
                </TextLink>
                <span className="text-sm text-slate-600">
                  {item.acknowledgedBy && item.acknowledgedAt
                    ? t("history.acknowledgedBy", {
                        name: item.acknowledgedBy.displayName,
                        time: when(item.acknowledgedAt),
                      })
                    : t("history.notAcknowledged")}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <NumberedPager
        label={t("history.pagination")}
        hrefFor={hrefFor}
        page={page}
        hasNext={hasMore}
        labels={{ previous: t("history.newer"), next: t("history.older") }}
        status={t("history.page", { page })}
      />
    </section>
  );
}
