import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NumberedPager, withParams } from "@/components/ui/pager";
import { PageHeader } from "@/components/ui/page-header";
import { EndpointState, eventKey } from "@/components/webhooks/endpoint-state";
import { requireArea } from "@/lib/auth/session";
import { firstValues } from "@/lib/staff/schema";
import { listAllEndpoints } from "@/lib/webhooks/data";
import { endpointListQuerySchema } from "@/lib/webhooks/schema";

const PATH = "/console/admin/webhooks";

export async function generateMetadata() {
  return { title: (await getTranslations("webhooks.console"))("title") };
}

export default async function WebhooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireArea("admin", PATH);
  const query = endpointListQuerySchema.parse(firstValues(await searchParams));
  const [t, tEvents, list] = await Promise.all([
    getTranslations("webhooks.console"),
    getTranslations("webhooks.events"),
    listAllEndpoints(user, query.page),
  ]);
  if (query.page > list.pageCount) redirect(withParams(PATH, {}, { page: String(list.pageCount) }));

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {list.items.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {list.items.map((endpoint) => (
            <li key={endpoint.id}>
              <section
                aria-labelledby={`endpoint-${endpoint.id}`}
                className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
              >
                <h2 id={`endpoint-${endpoint.id}`} className="font-mono text-sm font-semibold break-all">
                  {endpoint.url}
                </h2>
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-600">{t("client")}</dt>
                  <dd className="break-words">{endpoint.clientName}</dd>
                  <dt className="text-slate-600">{t("subscribed")}</dt>
                  <dd>{endpoint.events.map((type) => tEvents(eventKey(type))).join(" · ")}</dd>
                  <dt className="text-slate-600">{t("state")}</dt>
                  <dd>
                    <EndpointState endpoint={endpoint} />
                  </dd>
                </dl>
                <Link
                  href={`${PATH}/${endpoint.id}`}
                  className="mt-3 inline-block text-sm font-medium text-blue-800 underline"
                >
                  {t("log")}
                  <span className="sr-only">{` — ${endpoint.url}`}</span>
                </Link>
              </section>
            </li>
          ))}
        </ul>
      )}
      <NumberedPager
        className="mt-4"
        label={t("title")}
        status={t("page", { page: list.page, pageCount: list.pageCount })}
        page={list.page}
        hasNext={list.page < list.pageCount}
        hrefFor={(page) => withParams(PATH, {}, { page: String(page) })}
        labels={{ previous: t("previous"), next: t("next") }}
      />
    </>
  );
}
