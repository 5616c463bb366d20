"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import type { TimelineStep } from "@/lib/workflow/progress";
import { labelled } from "@/lib/i18n/punctuation";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

/** What the applicant may know about one step: handlers (staff names), times and public notes only. */
export function NodeDetails({ id, step, nodeName }: { id: string; step: TimelineStep; nodeName: string }) {
  const t = useTranslations("case.timeline.details");
  const format = useFormat();
  const when = (date: Date | null) => (date ? format.dateTime(date, WHEN) : t("unknown"));

  if (step.state === "skipped" || step.state === "future") {
    return (
      <div
        id={id}
        role="region"
        aria-label={t("heading", { node: nodeName })}
        className="mt-2 rounded-lg bg-slate-50 p-3 text-sm text-slate-700"
      >
        <p>{step.state === "skipped" ? t("skipped") : t("future")}</p>
        {step.expectedAt && (
          <p className="mt-1">{labelled(t("expected"), when(step.expectedAt), format.locale)}</p>
        )}
      </div>
    );
  }

  return (
    <div
      id={id}
      role="region"
      aria-label={t("heading", { node: nodeName })}
      className="mt-2 rounded-lg bg-slate-50 p-3 text-sm"
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">{t("handledBy")}</dt>
        <dd className="min-w-0 break-words">
          {step.handledBy.length > 0 ? step.handledBy.join(", ") : t("notAssigned")}
        </dd>
        <dt className="text-slate-600">{t("started")}</dt>
        <dd>{when(step.startedAt)}</dd>
        {step.state === "completed" && !step.outcome && (
          <>
            <dt className="text-slate-600">{t("finished")}</dt>
            <dd>{when(step.finishedAt)}</dd>
          </>
        )}
        {step.dueAt && (
          <>
            <dt className="text-slate-600">{t("due")}</dt>
            <dd>{when(step.dueAt)}</dd>
          </>
        )}
      </dl>
      <h3 className="mt-3 font-semibold text-slate-800">{t("notes")}</h3>
      {step.notes.length === 0 ? (
        <p className="text-slate-600">{t("noNotes")}</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-2">
          {step.notes.map((note) => (
            <li key={note.at.toISOString() + note.text} className="rounded-md bg-white p-2 shadow-sm">
              <time dateTime={note.at.toISOString()} className="block text-xs text-slate-500">
                {when(note.at)}
              </time>
              <p className="whitespace-pre-line break-words">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
