import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { countOpenCasesByNode } from "@/lib/console/data";

export async function generateMetadata() {
  return { title: (await getTranslations("console"))("title") };
}

export default async function ConsolePage() {
  const user = await requireArea("console", "/console");
  const [t, tNodes, tRoles] = await Promise.all([getTranslations("console"), getTranslations("nodes"), getTranslations("roles")]);
  const counts = await countOpenCasesByNode(user);
  return (
    <>
      <PageHeader title={t("title")} description={t("welcome", { name: user.displayName, role: tRoles(user.role) })} />
      <section aria-labelledby="open-by-node" className="rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="open-by-node" className="text-lg font-semibold">{t("openByNode")}</h2>
        {counts.length === 0 ? (
          <p className="mt-2 text-slate-600">{t("noOpenCases")}</p>
        ) : (
          <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {counts.map((row) => (
              <div key={row.node} className="rounded-xl bg-slate-50 p-3">
                <dt className="text-sm text-slate-600">{tNodes(row.node)}</dt>
                <dd className="text-2xl font-bold tabular-nums">{row.count}</dd>
              </div>
            ))}
          </dl>
        )}
        <p className="mt-4 text-sm text-slate-600">{t("comingSoon")}</p>
      </section>
    </>
  );
}
