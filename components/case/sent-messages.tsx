import { getTranslations } from "next-intl/server";
import { NumberedPager } from "@/components/ui/pager";
import { getFormat } from "@/lib/i18n/server-format";
import type { SentMessagesPage } from "@/lib/notifications/sent-data";
import { messageKeyOf } from "@/lib/notifications/templates";

const DELIVERY_TONES = {
  sent: "text-emerald-800",
  sending: "text-slate-700",
  failed: "text-red-800",
} as const;

/**
 * The messages sent to the applicant about this case (decision 035): what kind, by which channel,
 * when, and whether it was delivered, never their content. One list item reads as one sentence to
 * a screen reader; on a phone the time goes above the rest.
 */
export async function SentMessages({
  list,
  hrefFor,
}: {
  list: SentMessagesPage;
  hrefFor: (page: number) => string;
}) {
  const [t, format] = await Promise.all([getTranslations("case.messages"), getFormat()]);
  return (
    <section aria-labelledby="sent-messages-heading" className="mt-6 border-t border-slate-100 pt-4">
      <h3 id="sent-messages-heading" className="font-semibold text-slate-900">
        {t("heading")}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      {list.items.length === 0 ? (
        <p className="mt-2 text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="mt-2 flex flex-col divide-y divide-slate-100">
          {list.items.map((message) => (
            <li key={message.id} className="flex flex-col gap-0.5 py-3 sm:flex-row sm:gap-4">
              <time
                dateTime={message.at.toISOString()}
                className="shrink-0 text-sm text-slate-500 tabular-nums sm:w-44"
              >
                {format.dateTime(message.at, { dateStyle: "medium", timeStyle: "short" })}
              </time>
              <p className="min-w-0">
                <span className="font-medium text-slate-900">
                  {message.template && t.has(`kinds.${messageKeyOf(message.template)}`)
                    ? t(`kinds.${messageKeyOf(message.template)}`)
                    : t("kinds.other")}
                </span>
                <span className="text-slate-600"> · {t(`channels.${message.channel}`)} · </span>
                <span className={`font-medium ${DELIVERY_TONES[message.delivery]}`}>
                  {t(`delivery.${message.delivery}`)}
                </span>
              </p>
            </li>
          ))}
        </ol>
      )}
      <NumberedPager
        className="mt-3"
        label={t("pager")}
        page={list.page}
        hasNext={list.page < list.pageCount}
        hrefFor={hrefFor}
        labels={{ previous: t("newer"), next: t("older") }}
        status={t("page", { page: list.page, pages: list.pageCount })}
      />
    </section>
  );
}
