import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { Viewer } from "@/lib/auth/viewer";
import { getPagingByShift } from "@/lib/dashboard/paging-data";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import { formatMinutes } from "./format";

const PANEL = "flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5";

/**
 * Time to first contact and to acknowledgement of pages, per rota shift (lib/paging, decision 036).
 * Loads its own figures, so the page adds one line for it.
 */
export async function PagingSection({ viewer, filters }: { viewer: Viewer; filters: DashboardFilters }) {
  const [t, rows] = await Promise.all([getTranslations("dashboard"), getPagingByShift(viewer, filters)]);
  const minutes = (value: number | null) => formatMinutes(value, t);
  return (
    <section aria-labelledby="paging-heading" className={PANEL}>
      <h2 id="paging-heading" className="text-lg font-semibold">
        {t("paging.heading")}
      </h2>
      <p className="text-sm text-slate-700">{t("paging.definition")}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("paging.none")}</p>
      ) : (
        <DataTable
          caption={t("paging.heading")}
          className="min-w-[40rem]"
          columns={[
            { label: t("paging.shift") },
            { label: t("paging.contacted") },
            { label: t("paging.contactMedian") },
            { label: t("paging.acknowledged") },
            { label: t("paging.ackMedian") },
            { label: t("paging.ackP90") },
          ]}
        >
          {rows.map((row) => (
            <tr key={row.shift ?? ""}>
              <th scope="row" className="py-2 pr-3 font-medium">
                {row.shift ?? t("paging.noShift")}
              </th>
              <td className="py-2 pr-3">
                {t("paging.ofTotal", { done: row.contact.done, total: row.contact.total })}
              </td>
              <td className="py-2 pr-3">{minutes(row.contact.medianMinutes)}</td>
              <td className="py-2 pr-3">
                {t("paging.ofTotal", { done: row.ack.done, total: row.ack.total })}
              </td>
              <td className="py-2 pr-3">{minutes(row.ack.medianMinutes)}</td>
              <td className="py-2">{minutes(row.ack.p90Minutes)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
