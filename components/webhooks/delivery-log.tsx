import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { getFormat } from "@/lib/i18n/server-format";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { WebhookDeliveryView } from "@/lib/webhooks/schema";
import { eventKey } from "./endpoint-state";
import { RedeliverButton } from "./redeliver-button";

/** One page of an endpoint's deliveries: event, case, status, attempts, last answer, delivered at, redeliver. */
export async function DeliveryLog({
  deliveries,
  caption,
}: {
  deliveries: WebhookDeliveryView[];
  caption: string;
}) {
  const [t, tEvents, format] = await Promise.all([
    getTranslations("webhooks.console"),
    getTranslations("webhooks.events"),
    getFormat(),
  ]);
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" }) : "—";
  if (deliveries.length === 0) return <p className="text-slate-600">{t("noDeliveries")}</p>;
  return (
    <DataTable
      caption={caption}
      className="min-w-[56rem]"
      alignTop
      columns={[
        { label: t("event") },
        { label: t("case") },
        { label: t("status") },
        { label: t("attempts"), className: "text-right" },
        { label: t("lastAnswer") },
        { label: t("deliveredAt") },
        { label: t("actions") },
      ]}
    >
      {deliveries.map((delivery) => {
        const event = tEvents(eventKey(delivery.eventType));
        const number = formatApplicationNumber(delivery.applicationNumber);
        return (
          <tr key={delivery.id}>
            <th scope="row" className="py-2 pr-3 font-normal">
              {event}
              <span className="block font-mono text-xs text-slate-600">{delivery.eventId}</span>
            </th>
            <td className="py-2 pr-3 whitespace-nowrap">{number}</td>
            <td className="py-2 pr-3">{t(`statuses.${delivery.status}`)}</td>
            <td className="py-2 pr-3 text-right">{format.number(delivery.attempts)}</td>
            <td className="py-2 pr-3 break-words">
              {delivery.lastStatusCode ?? (delivery.lastError ? "" : t("noAnswer"))}
              {delivery.lastError && (
                <span className="block text-xs text-slate-600">{delivery.lastError}</span>
              )}
            </td>
            <td className="py-2 pr-3">{when(delivery.deliveredAt)}</td>
            <td className="py-2">
              <RedeliverButton
                deliveryId={delivery.id}
                eventLabel={event}
                number={number}
                waiting={delivery.status === "PENDING"}
              />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
