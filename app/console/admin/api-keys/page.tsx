import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApiClientCard } from "@/components/admin/api-client-card";
import { CreateApiClientForm } from "@/components/admin/create-api-client-form";
import { Section } from "@/components/admin/section";
import { NumberedPager, withParams } from "@/components/ui/pager";
import { PageHeader } from "@/components/ui/page-header";
import { listActingStaff, listApiClients } from "@/lib/api-keys/data";
import { apiClientListQuerySchema } from "@/lib/api-keys/schema";
import { requireArea } from "@/lib/auth/session";
import { firstValues } from "@/lib/staff/schema";

const PATH = "/console/admin/api-keys";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.apiKeys"))("title") };
}

export default async function ApiKeysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireArea("admin", PATH);
  const raw = firstValues(await searchParams);
  const query = apiClientListQuerySchema.parse(raw);
  const [t, tAdmin, list, staff] = await Promise.all([
    getTranslations("admin.apiKeys"),
    getTranslations("admin.common"),
    listApiClients(user, query),
    listActingStaff(user),
  ]);
  if (list.total > 0 && query.page > list.pageCount)
    redirect(withParams(PATH, {}, { page: String(list.pageCount) }));
  const now = new Date();

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p role="status" className="text-sm text-slate-600">
        {t("count", { count: list.total })}
      </p>
      {list.items.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {list.items.map((client) => (
            <ApiClientCard key={client.id} client={client} now={now} />
          ))}
        </ul>
      )}
      <NumberedPager
        className="mt-4"
        label={tAdmin("pagination")}
        status={tAdmin("pageOf", { page: list.page, count: list.pageCount })}
        page={list.page}
        hasNext={list.page < list.pageCount}
        hrefFor={(page) => withParams(PATH, {}, { page: String(page) })}
        labels={{ previous: tAdmin("previous"), next: tAdmin("next") }}
      />
      <div className="mt-6">
        <Section id="new-client" title={t("createClient.title")}>
          <CreateApiClientForm staff={staff} />
        </Section>
      </div>
    </>
  );
}
