import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import type { NextDue } from "@/lib/cases/next-due";
import { formatLateness } from "@/lib/console/queue-due";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

/**
 * The next due time of a case (from nextDueOf) in words: what is due by when, and — in words, not
 * colour alone, so screen readers hear it too — how late it is once past.
 */
export async function NextDueText({ due }: { due: NextDue }) {
  const [t, tNodes, tQueue, format] = await Promise.all([
    getTranslations("case.nextDue"),
    getTranslations("nodes"),
    getTranslations("queue"),
    getFormat(),
  ]);
  const time = format.dateTime(due.dueAt, WHEN);
  const text =
    due.party === "applicant"
      ? t("applicant", { time })
      : due.node === "SUBMITTED"
        ? t("materialCheckStarts", { time })
        : t("step", { node: tNodes(due.node), time });
  return (
    <>
      <time dateTime={due.dueAt.toISOString()}>{text}</time>
      {due.overdue && (
        <span className="ml-1 font-semibold text-red-700">
          <span aria-hidden="true">⚠ </span>
          {t("overdue", { duration: formatLateness(due.lateMs, tQueue, "long") })}
        </span>
      )}
      {due.expeditedAt && (
        <span className="mt-1 block text-sm text-slate-700">
          {t("expedited", { time: format.dateTime(due.expeditedAt, WHEN) })}
        </span>
      )}
    </>
  );
}
