import { getLocale, getTranslations } from "next-intl/server";
import { RebalanceForm } from "@/components/handover/rebalance-form";
import { buttonClasses } from "@/components/ui/button";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { Viewer } from "@/lib/auth/viewer";
import { findStaffLoad, listLoadedStaff, listOnDutyTargets, listOpenCasesOf } from "@/lib/rota/load-data";

const FROM_SELECT_ID = "rebalance-from";

/**
 * Supervisors' rebalance: a plain GET form picks whose cases (`?from=`, works without JavaScript),
 * then the form below moves the ticked ones.
 */
export async function RebalanceSection({ viewer, from }: { viewer: Viewer; from?: string }) {
  const [t, tNodes, locale, loaded, person] = await Promise.all([
    getTranslations("rota.rebalance"),
    getTranslations("nodes"),
    getLocale(),
    listLoadedStaff(viewer),
    from ? findStaffLoad(viewer, from) : null,
  ]);
  const [cases, targets] = person
    ? await Promise.all([listOpenCasesOf(viewer, person.id), listOnDutyTargets(viewer)])
    : [[], []];
  return (
    <section
      id="rebalance"
      aria-labelledby="rebalance-heading"
      className="flex scroll-mt-20 flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
    >
      <h2 id="rebalance-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form
        method="get"
        action="/console/handover#rebalance"
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
      >
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor={FROM_SELECT_ID} className="text-sm font-medium text-slate-800">
            {t("from")}
          </label>
          <select
            id={FROM_SELECT_ID}
            name="from"
            defaultValue={person?.id ?? ""}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 text-base"
          >
            <option value="">{t("choose")}</option>
            {person && !loaded.some((row) => row.id === person.id) && (
              <option value={person.id}>
                {t("fromOption", { name: person.displayName, count: person.openCases })}
              </option>
            )}
            {loaded.map((row) => (
              <option key={row.id} value={row.id}>
                {t("fromOption", { name: row.displayName, count: row.openCases })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("show")}
        </button>
      </form>
      {person && (
        <RebalanceForm
          from={{ id: person.id, displayName: person.displayName }}
          cases={cases.map((item) => ({
            id: item.id,
            number: formatApplicationNumber(item.number),
            meta: `${locale === "zh" ? item.service.nameZh : item.service.nameEn} · ${tNodes(item.currentNode)}`,
          }))}
          targets={targets
            .filter((target) => target.id !== person.id)
            .map((target) => ({
              value: target.id,
              label: t("toOption", { name: target.displayName, count: target.openCases }),
            }))}
        />
      )}
    </section>
  );
}
