import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import type { DevMailItem } from "@/lib/notifications/data";
import { linkClasses } from "@/components/ui/text-link";

const SUMMARY = linkClasses({ extra: "flex cursor-pointer" });

/**
 * The dev mailbox. The HTML of a message is shown only in a sandboxed frame with no permissions
 * (no scripts, no same origin), so whatever a message contains cannot act on the console.
 */
export async function MailList({ items }: { items: DevMailItem[] }) {
  const [t, format] = await Promise.all([getTranslations("notifications.mailbox"), getFormat()]);
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("mail.empty")}</p>;
  return (
    <ol className="flex flex-col gap-3">
      {items.map((mail) => (
        <li key={mail.id}>
          <article aria-labelledby={`mail-${mail.id}`} className="rounded-xl border border-slate-200 p-4">
            <header className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
              <h3 id={`mail-${mail.id}`} className="font-semibold break-words text-slate-900">
                {mail.subject ?? t("mail.noSubject")}
              </h3>
              <time
                dateTime={mail.createdAt.toISOString()}
                className="shrink-0 text-sm text-slate-600 tabular-nums"
              >
                {format.dateTime(mail.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
              </time>
            </header>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("mail.to")}</dt>
              <dd className="break-words">{mail.toAddress}</dd>
              <dt className="text-slate-600">{t("failed.channel")}</dt>
              <dd>{t(`channel.${mail.channel}`)}</dd>
            </dl>
            <details className="mt-2">
              <summary className={SUMMARY}>{t("mail.text")}</summary>
              <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-50 p-3 text-sm whitespace-pre-wrap break-words">
                {mail.text}
              </pre>
            </details>
            {mail.html && (
              <details>
                <summary className={SUMMARY}>{t("mail.html")}</summary>
                <iframe
                  sandbox=""
                  srcDoc={mail.html}
                  title={t("mail.htmlFrame", { to: mail.toAddress })}
                  loading="lazy"
                  referrerPolicy="no-referrer"
                  className="mt-2 h-96 w-full rounded-lg border border-slate-200 bg-white"
                />
              </details>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
