import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { noteAuthorOf, type NoteAuthor } from "@/lib/cases/note-author";
import type { StaffCaseEvent } from "@/lib/console/case-data";
import { systemNoteText } from "@/lib/workflow/system-notes";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

/**
 * Every event of the case, newest first, as staff see it: who acted in which role, and every note
 * labelled by its author (applicant, staff member, system) and its audience (the applicant sees it,
 * or staff only).
 */
export async function StaffHistory({ events }: { events: StaffCaseEvent[] }) {
  const [t, tSystemNotes, tActions, tNodes, tRoles, format] = await Promise.all([
    getTranslations("workspace.history"),
    getTranslations("workspace.systemNotes"),
    getTranslations("case.history.actions"),
    getTranslations("nodes"),
    getTranslations("roles"),
    getFormat(),
  ]);
  // Every note says who wrote it and who can read it.
  const author = (who: NoteAuthor) =>
    who.kind === "system"
      ? t("notes.system")
      : who.kind === "applicant"
        ? t("notes.applicant", { name: who.name })
        : t("notes.staff", { name: who.name, role: tRoles(who.role) });
  if (events.length === 0) return <p className="text-slate-600">{t("empty")}</p>;
  return (
    <>
      <p className="mb-2 text-sm text-slate-600">{t("intro")}</p>
      <ol className="flex flex-col divide-y divide-slate-100">
        {[...events].reverse().map((event) => (
          <li key={event.id} className="flex flex-col gap-0.5 py-3 sm:flex-row sm:gap-4">
            <time
              dateTime={event.occurredAt.toISOString()}
              className="shrink-0 text-sm text-slate-500 tabular-nums sm:w-40"
            >
              {format.dateTime(event.occurredAt, WHEN)}
            </time>
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">
                {tActions(event.action)}
                <span className="font-normal text-slate-600"> · {t("at", { node: tNodes(event.node) })}</span>
                {event.dueAt && (
                  <span className="font-normal text-slate-600">
                    {" "}
                    · {t("dueAt", { time: format.dateTime(event.dueAt, WHEN) })}
                  </span>
                )}
              </p>
              {event.actor && (
                <p className="text-sm text-slate-600">
                  {t("by", { name: event.actor.name, role: tRoles(event.actor.role) })}
                </p>
              )}
              {event.publicNote && (
                <div className="mt-2 rounded-lg bg-slate-50 p-2">
                  <p className="text-xs font-semibold text-slate-600">
                    {author(noteAuthorOf(event.actor))} · {t("notes.public")}
                  </p>
                  <p className="whitespace-pre-line break-words text-slate-800">{event.publicNote}</p>
                </div>
              )}
              {(event.internalNote || event.systemNote) && (
                <div className="mt-2 rounded-lg border border-dashed border-amber-400 bg-amber-50 p-2">
                  <p className="text-xs font-bold tracking-wide text-amber-900">
                    <span aria-hidden="true">🔒 </span>
                    {author(noteAuthorOf(event.actor))} · {t("notes.internal")}
                  </p>
                  {event.systemNote && (
                    <p className="whitespace-pre-line break-words text-amber-950">
                      {systemNoteText(event.systemNote, tSystemNotes)}
                    </p>
                  )}
                  {event.internalNote && (
                    <p className="whitespace-pre-line break-words text-amber-950">{event.internalNote}</p>
                  )}
                </div>
              )}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
