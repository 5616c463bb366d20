import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NumberedPager, withParams } from "@/components/ui/pager";
import { StaffFilters } from "@/components/admin/staff-filters";
import { StaffTable } from "@/components/admin/staff-table";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { listStaff } from "@/lib/staff/data";
import { firstValues, staffListQuerySchema } from "@/lib/staff/schema";

const PATH = "/console/admin/staff";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.staff"))("title") };
}

export default async function StaffPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireArea("admin", PATH);
  const raw = firstValues(await searchParams);
  const query = staffListQuerySchema.parse(raw);
  const [t, tAdmin, list] = await Promise.all([
    getTranslations("admin.staff"),
    getTranslations("admin.common"),
    listStaff(user, query),
  ]);
  if (list.total > 0 && query.page > list.pageCount)
    redirect(withParams(PATH, raw, { page: String(list.pageCount) }));
  const current = { q: query.q, role: query.role, status: query.status === "all" ? undefined : query.status };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href={`${PATH}/new`} className={buttonClasses("primary", "w-full sm:w-auto")}>
            <span aria-hidden="true">+</span>
            {t("new")}
          </Link>
        }
      />
      <div className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
        <StaffFilters query={query} />
        <p role="status" className="text-sm text-slate-600">
          {t("count", { count: list.total })}
        </p>
        {list.items.length === 0 ? (
          <p className="text-slate-600">{t("empty")}</p>
        ) : (
          <StaffTable items={list.items} />
        )}
        <NumberedPager
          className="mt-4"
          label={tAdmin("pagination")}
          status={tAdmin("pageOf", { page: list.page, count: list.pageCount })}
          page={list.page}
          hasNext={list.page < list.pageCount}
          hrefFor={(page) => withParams(PATH, current, { page: String(page) })}
          labels={{ previous: tAdmin("previous"), next: tAdmin("next") }}
        />
      </div>
    </>
  );
}
