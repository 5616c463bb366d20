import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import type { listPendingHandovers } from "@/lib/handover/data";
import { AcknowledgeButton } from "./acknowledge-button";
import { TextLink } from "@/components/ui/text-link";
import { shiftName } from "@/lib/rota/shift-name";

type Pending = Awaited<ReturnType<typeof listPendingHandovers>>[number];

/** Handovers nobody has acknowledged yet, at the top of the page for the incoming shift. */
export async function PendingHandovers({
  items,
  viewerId,
  canAcknowledge,
}: {
  items: Pending[];
  viewerId: string;
  canAcknowledge: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("rota.handover"), getFormat()]);
  return (
    <section
      aria-labelledby="pending-heading"
      className="rounded-2xl border-2 border-amber-300 bg-amber-50 p-4 sm:p-5"
    >
      <h2 id="pending-heading" className="text-lg font-semibold">
        {t("pending.heading")}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("pending.none")}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-3">
          {items.map((item) => {
            const time = format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" });
            return (
              <li
                key={item.id}
                className="flex flex-col gap-2 rounded-xl border border-amber-200 bg-white p-3"
              >
                <h3 className="font-semibold">{t("pending.from", { name: item.author.displayName })}</h3>
                <p className="text-sm text-slate-600">
                  {t("pending.summary", {
                    shift: item.shiftName ? shiftName(item.shiftName, format.locale) : t("pending.noShift"),
                    time,
                    count: item.caseCount,
                  })}
                </p>
                {item.incidents && (
                  <p className="line-clamp-3 whitespace-pre-line text-sm text-slate-800">{item.incidents}</p>
                )}
                <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                  <TextLink
                    href={`/console/handover/${item.id}`}
                    aria-label={t("pending.readLabel", { name: item.author.displayName, time })}
                  >
                    {t("pending.read")}
                  </TextLink>
                  {item.author.id === viewerId ? (
                    <p className="text-sm text-slate-600">{t("pending.own")}</p>
                  ) : (
                    canAcknowledge && (
                      <AcknowledgeButton handoverId={item.id} authorName={item.author.displayName} />
                    )
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
