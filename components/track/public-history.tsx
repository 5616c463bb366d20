"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import type { PublicCaseView } from "@/lib/lookup/public-view";

/** Every public event, newest first: what happened, at which step, and whether staff or the applicant did it. */
export function PublicHistory({ history }: { history: PublicCaseView["history"] }) {
  const t = useTranslations("track.result");
  const tActions = useTranslations("case.history.actions");
  const tHistory = useTranslations("case.history");
  const tNodes = useTranslations("nodes");
  const format = useFormat();
  if (history.length === 0) return <p className="text-slate-600">{t("historyEmpty")}</p>;
  const newestFirst = [...history].reverse();
  return (
    <ol className="flex flex-col divide-y divide-slate-100">
      {newestFirst.map((event, index) => (
        <li
          key={`${event.occurredAt.toISOString()}-${index}`}
          className="flex flex-col gap-0.5 py-3 sm:flex-row sm:gap-4"
        >
          <time
            dateTime={event.occurredAt.toISOString()}
            className="shrink-0 text-sm text-slate-500 tabular-nums sm:w-44"
          >
            {format.dateTime(event.occurredAt, { dateStyle: "medium", timeStyle: "short" })}
          </time>
          <div className="min-w-0">
            <p className="font-medium text-slate-900">
              {tActions(event.action)}
              <span className="font-normal text-slate-600">
                {" "}
                · {tHistory("at", { node: tNodes(event.node) })}
              </span>
            </p>
            {event.by && (
              <p className="text-sm text-slate-600">
                {event.by === "staff" ? t("byStaff") : t("byApplicant")}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
