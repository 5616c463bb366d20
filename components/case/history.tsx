import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import type { CaseEvent } from "@/lib/cases/data";

/** Every recorded change and notice, newest first (public fields only: data.ts never loads the rest). */
export async function History({ events }: { events: CaseEvent[] }) {
  const [t, tNodes, format] = await Promise.all([
    getTranslations("case.history"),
    getTranslations("nodes"),
    getFormat(),
  ]);
  const newestFirst = [...events].reverse();
  if (newestFirst.length === 0) return <p className="text-slate-600">{t("empty")}</p>;
  return (
    <ol className="flex flex-col divide-y divide-slate-100">
      {newestFirst.map((event) => (
        <li key={event.id} className="flex flex-col gap-0.5 py-3 sm:flex-row sm:gap-4">
          <time
            dateTime={event.occurredAt.toISOString()}
            className="shrink-0 text-sm text-slate-500 tabular-nums sm:w-44"
          >
            {format.dateTime(event.occurredAt, { dateStyle: "medium", timeStyle: "short" })}
          </time>
          <div className="min-w-0">
            <p className="font-medium text-slate-900">
              {t(`actions.${event.action}`)}
              <span className="font-normal text-slate-600"> · {t("at", { node: tNodes(event.node) })}</span>
            </p>
            {event.actor && (
              <p className="text-sm text-slate-600">
                {event.actor.staff ? t("by", { name: event.actor.name }) : t("byYou")}
              </p>
            )}
            {event.publicNote && (
              <p className="mt-1 whitespace-pre-line break-words text-slate-800">{event.publicNote}</p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
