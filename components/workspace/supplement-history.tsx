import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import type { StaffCase } from "@/lib/console/case-data";
import { cn } from "@/components/ui/cn";
import { linkClasses } from "@/components/ui/text-link";
import { colonAfter } from "@/lib/i18n/punctuation";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

const STATUS_STYLES = {
  OPEN: "bg-amber-100 text-amber-900",
  FULFILLED: "bg-emerald-100 text-emerald-900",
  CANCELLED: "bg-slate-100 text-slate-700",
  NOT_PROVIDED: "bg-red-50 text-red-900",
} as const;

/** Every supplement request of the case, newest first: what was asked, by whom, by when, and what came back. */
export async function SupplementHistory({ requests }: { requests: StaffCase["supplementRequests"] }) {
  const [t, format] = await Promise.all([getTranslations("workspace.supplements"), getFormat()]);
  if (requests.length === 0) return <p className="text-slate-600">{t("empty")}</p>;
  return (
    <ol className="flex flex-col gap-4">
      {requests.map((request) => (
        <li key={request.id} className="rounded-xl border border-slate-200 p-3">
          <h3 className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
            {t("title", { time: format.dateTime(request.createdAt, WHEN) })}
            <span
              className={cn("rounded-full px-2 py-0.5 text-xs font-semibold", STATUS_STYLES[request.status])}
            >
              {t(`status.${request.status}`)}
            </span>
          </h3>
          <p className="text-sm text-slate-600">
            {t("requestedBy", { name: request.requestedBy.displayName })} ·{" "}
            {t("due", { time: format.dateTime(request.dueAt, WHEN) })}
            {request.fulfilledAt && (
              <> · {t("answered", { time: format.dateTime(request.fulfilledAt, WHEN) })}</>
            )}
          </p>
          <ol className="mt-2 flex list-decimal flex-col gap-2 pl-5">
            {request.items.map((item) => (
              <li key={item.id} className="break-words">
                <span className="font-semibold">{colonAfter(t("problem"), format.locale)}</span>
                {item.problem}
                {item.suggestion && (
                  <span className="block text-slate-700">
                    <span className="font-semibold">{colonAfter(t("suggestion"), format.locale)}</span>
                    {item.suggestion}
                  </span>
                )}
              </li>
            ))}
          </ol>
          {request.status !== "OPEN" && (
            <>
              <h4 className="mt-3 text-sm font-semibold text-slate-800">{t("files")}</h4>
              {request.files.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noFiles")}</p>
              ) : (
                <ul className="flex flex-col">
                  {request.files.map((file) => (
                    <li key={file.id}>
                      <a
                        href={`/api/evidence/${file.id}`}
                        download={file.originalName}
                        className={linkClasses({ extra: "break-all font-medium" })}
                      >
                        {file.originalName}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
