import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/ui/pager";
import { PageHeader } from "@/components/ui/page-header";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { EndpointState } from "@/components/webhooks/endpoint-state";
import { ReenableEndpoint } from "@/components/webhooks/reenable-endpoint";
import { requireArea } from "@/lib/auth/session";
import { firstValues } from "@/lib/staff/schema";
import { findEndpointForConsole } from "@/lib/webhooks/data";
import { DELIVERY_PAGE_SIZE, deliveryLogQuerySchema } from "@/lib/webhooks/schema";

const PATH = "/console/admin/webhooks";

export async function generateMetadata() {
  return { title: (await getTranslations("webhooks.console"))("log") };
}

export default async function EndpointLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const user = await requireArea("admin", `${PATH}/${id}`);
  const query = deliveryLogQuerySchema.parse(firstValues(await searchParams));
  const [t, found] = await Promise.all([
    getTranslations("webhooks.console"),
    findEndpointForConsole(user, id, { cursor: query.cursor, limit: DELIVERY_PAGE_SIZE }),
  ]);
  if (!found) notFound();
  const { endpoint, deliveries } = found;
  const here = `${PATH}/${endpoint.id}`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={PATH} className="text-blue-800 underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("log")} description={endpoint.url} />
      <dl className="mb-4 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">{t("client")}</dt>
        <dd className="break-words">{endpoint.clientName}</dd>
        <dt className="text-slate-600">{t("state")}</dt>
        <dd>
          <EndpointState endpoint={endpoint} />
          {endpoint.disabledReason === "failing" && (
            <span className="block text-slate-600">{t("disabledReason")}</span>
          )}
        </dd>
      </dl>
      <div className="mb-6">
        <ReenableEndpoint endpointId={endpoint.id} disabled={endpoint.disabledAt !== null} />
      </div>
      <DeliveryLog deliveries={deliveries.data} caption={t("logFor", { url: endpoint.url })} />
      <Pager
        className="mt-4"
        label={t("log")}
        previous={query.cursor ? { href: here, label: t("newest") } : null}
        next={
          deliveries.nextCursor
            ? { href: `${here}?cursor=${deliveries.nextCursor}`, label: t("older") }
            : null
        }
      />
    </>
  );
}
