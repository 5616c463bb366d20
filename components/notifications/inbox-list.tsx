import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { buttonClasses } from "@/components/ui/button";
import type { InboxItem } from "@/lib/notifications/inbox-data";
import { openNotification } from "@/lib/notifications/inbox-actions";
import { InboxMarkRead } from "./inbox-mark-read";
import { cn } from "@/components/ui/cn";
import { labelled } from "@/lib/i18n/punctuation";

const UNREAD = "border-brand-300 border-l-4 border-l-brand-600 bg-brand-50";
const READ = "border-slate-200 bg-white";

/**
 * The viewer's notifications. Unread ones carry the word "Unread" (and a bolder title and edge), not
 * only a colour. Opening one is a form (marks it read, then goes to the case), so it works without
 * JavaScript and nothing is marked by merely following a link.
 */
export async function InboxList({ items }: { items: InboxItem[] }) {
  const [t, format] = await Promise.all([getTranslations("notifications.inbox"), getFormat()]);
  if (items.length === 0) return <p className="text-slate-600">{t("empty")}</p>;
  return (
    <ol className="flex flex-col gap-3">
      {items.map((item) => {
        const title = item.title ?? t("unavailable");
        const titleId = `notification-${item.id}`;
        return (
          <li key={item.id}>
            <article
              aria-labelledby={titleId}
              className={cn("rounded-xl border p-4", item.read ? READ : UNREAD)}
            >
              <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                <h2
                  id={titleId}
                  className={cn(
                    "break-words text-base",
                    item.read ? "font-medium text-slate-800" : "font-bold text-slate-900",
                  )}
                >
                  {!item.read && (
                    <>
                      <span className="mr-1 inline-block rounded bg-brand-700 px-1.5 py-0.5 align-middle text-xs font-bold text-white">
                        {t("unread")}
                      </span>{" "}
                    </>
                  )}
                  {title}
                </h2>
                <time
                  dateTime={item.createdAt.toISOString()}
                  className="shrink-0 text-sm text-slate-600 tabular-nums"
                >
                  {format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </div>
              {item.body && <p className="mt-1 text-slate-700">{item.body}</p>}
              <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
                {item.link && (
                  <form action={openNotification}>
                    <input type="hidden" name="notificationId" value={item.id} />
                    {/* Every item has this button: the title tells them apart for screen readers. */}
                    <button
                      type="submit"
                      aria-label={labelled(t("open"), title, format.locale)}
                      className={buttonClasses(item.read ? "secondary" : "primary", "w-full sm:w-auto")}
                    >
                      {t("open")}
                    </button>
                  </form>
                )}
                <InboxMarkRead notificationId={item.id} title={title} read={item.read} />
              </div>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
