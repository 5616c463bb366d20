import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { listOwnApplications } from "@/lib/applications/data";
import { requireArea } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("portal"))("title") };
}

export default async function PortalPage() {
  const user = await requireArea("portal", "/portal");
  const [t, tNodes, format, locale] = await Promise.all([
    getTranslations("portal"),
    getTranslations("nodes"),
    getFormatter(),
    getLocale(),
  ]);
  const { items, total } = await listOwnApplications(user);
  return (
    <>
      <PageHeader title={t("title")} description={t("welcome", { name: user.displayName })} />
      <section aria-labelledby="my-applications" className="rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="my-applications" className="text-lg font-semibold">
          {t("myApplications", { count: total })}
        </h2>
        {items.length === 0 ? (
          <p className="mt-2 text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {items.map((item) => (
              <li key={item.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-medium">{locale === "zh" ? item.service.nameZh : item.service.nameEn}</p>
                  <p className="font-mono text-sm text-slate-600">{item.number}</p>
                </div>
                <div className="text-sm text-slate-700 sm:text-right">
                  <p>{tNodes(item.currentNode)}</p>
                  {item.nodeDueAt && (
                    <p className="text-slate-500">{t("dueBy", { time: format.dateTime(item.nodeDueAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 text-sm text-slate-600">{t("comingSoon")}</p>
        <Link href="/services" className="mt-2 inline-block text-sm font-semibold text-brand-700 hover:underline">
          {t("browseServices")}
        </Link>
      </section>
    </>
  );
}
