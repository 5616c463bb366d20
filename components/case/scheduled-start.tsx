import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";

/**
 * "Start next morning" chosen at night (decision 035): the exact time work starts, the day shift's
 * start, in words. The time is named with its zone: it is the office's morning, wherever the reader is.
 */
export async function ScheduledStart({ startsAt }: { startsAt: Date }) {
  const [t, format] = await Promise.all([getTranslations("case.scheduled"), getFormat()]);
  const time = format.dateTime(startsAt, { dateStyle: "full", timeStyle: "short" });
  return (
    <>
      <time dateTime={startsAt.toISOString()} className="font-medium text-slate-900">
        {t("startsAt", { time })}
      </time>
      <span className="mt-1 block text-sm text-slate-700">{t("explain")}</span>
    </>
  );
}
