import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { Card, Row } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { HandoverDetail as Detail } from "@/lib/handover/data";
import { AcknowledgeButton } from "./acknowledge-button";
import { TextLink } from "@/components/ui/text-link";
import { parenthesized } from "@/lib/i18n/punctuation";
import { shiftName } from "@/lib/rota/shift-name";

/** One stored handover: who, when, whether acknowledged, the incidents, the checklist and each case with its note. */
export async function HandoverDetail({
  handover,
  canAcknowledge,
}: {
  handover: Detail;
  canAcknowledge: boolean;
}) {
  const [t, tNodes, format, locale] = await Promise.all([
    getTranslations("rota.handover"),
    getTranslations("nodes"),
    getFormat(),
    getLocale(),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="flex flex-col gap-4">
      <Card headingId="handover-facts" heading={t("detail.facts")}>
        <dl className="divide-y divide-slate-100">
          <Row term={t("detail.author")}>{handover.author.displayName}</Row>
          <Row term={t("detail.shift")}>
            {handover.shiftName ? shiftName(handover.shiftName, locale) : t("pending.noShift")}
          </Row>
          <Row term={t("detail.createdAt")}>{when(handover.createdAt)}</Row>
          <Row term={t("detail.status")}>
            {handover.acknowledgedBy && handover.acknowledgedAt ? (
              t("history.acknowledgedBy", {
                name: handover.acknowledgedBy.displayName,
                time: when(handover.acknowledgedAt),
              })
            ) : (
              <span className="flex flex-col gap-2">
                <span className="font-medium text-amber-800">{t("history.notAcknowledged")}</span>
                {canAcknowledge && (
                  <AcknowledgeButton handoverId={handover.id} authorName={handover.author.displayName} />
                )}
              </span>
            )}
          </Row>
        </dl>
      </Card>

      <Card headingId="handover-cases" heading={t("detail.cases")}>
        {handover.note && (
          <div className="mb-3 text-sm">
            <p className="font-medium text-slate-800">{t("detail.sharedNote")}</p>
            <p className="whitespace-pre-line text-slate-800">{handover.note}</p>
          </div>
        )}
        {handover.cases.length === 0 ? (
          <p className="text-sm text-slate-700">{t("detail.noCases")}</p>
        ) : (
          <DataTable
            caption={t("detail.cases")}
            className="min-w-[36rem]"
            alignTop
            columns={[
              { label: t("detail.caseColumn"), className: "w-40" },
              { label: t("detail.noteColumn") },
              { label: t("detail.holderColumn"), className: "w-40" },
            ]}
          >
            {handover.cases.map((item) => (
              <tr key={item.id}>
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <TextLink href={`/console/cases/${item.number}`} size="inherit">
                    {formatApplicationNumber(item.number)}
                  </TextLink>
                  <span className="block text-xs text-slate-600">
                    {locale === "zh" ? item.service.nameZh : item.service.nameEn} · {tNodes(item.currentNode)}
                  </span>
                </th>
                <td className="whitespace-pre-line py-2 pr-3">{item.note || t("detail.noOwnNote")}</td>
                <td className="py-2">
                  {item.closedAt
                    ? t("detail.closed")
                    : (item.assignee?.displayName ?? t("detail.unassigned"))}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <Card headingId="handover-incidents" heading={t("detail.incidents")}>
        <p className="whitespace-pre-line text-slate-800">{handover.incidents || t("detail.noIncidents")}</p>
      </Card>

      <Card headingId="handover-checklist" heading={t("detail.checklist")}>
        <ul className="flex flex-col gap-1 text-sm">
          {handover.checklist.map(({ item, done }) => (
            <li key={item} className="flex items-center gap-2">
              <span aria-hidden="true" className={done ? "text-emerald-700" : "text-red-700"}>
                {done ? "✓" : "✗"}
              </span>
              <span>{t(`checklist.${item}`)}</span>
              <span className="sr-only">
                {parenthesized(done ? t("detail.done") : t("detail.notDone"), locale)}
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
