import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";

/** Active, failing since …, or disabled at …: in words, never by colour alone. */
export async function EndpointState({
  endpoint,
}: {
  endpoint: { failingSince: string | null; disabledAt: string | null };
}) {
  const [t, format] = await Promise.all([getTranslations("webhooks.console"), getFormat()]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  if (endpoint.disabledAt)
    return (
      <span className="font-medium text-red-800">{t("disabledAt", { time: when(endpoint.disabledAt) })}</span>
    );
  if (endpoint.failingSince)
    return <span className="text-amber-900">{t("failingSince", { time: when(endpoint.failingSince) })}</span>;
  return <span className="text-green-800">{t("active")}</span>;
}

/** "application.node_changed" → its message key under webhooks.events. */
export function eventKey(type: string): string {
  return type.replace(".", "_");
}
