import { getLocale, getTranslations } from "next-intl/server";
import { HandoverForm } from "@/components/handover/handover-form";
import { HandoverHistory } from "@/components/handover/handover-history";
import { PendingHandovers } from "@/components/handover/pending-handovers";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import { requireArea } from "@/lib/auth/session";
import { listHandovers, listOwnOpenCases, listPendingHandovers } from "@/lib/handover/data";
import { handoverListQuerySchema } from "@/lib/handover/schema";
import { worksShifts } from "@/lib/rota/access";

const PATH = "/console/handover";

export async function generateMetadata() {
  return { title: (await getTranslations("rota.handover"))("title") };
}

export default async function HandoverPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireArea("console", PATH);
  const { page } = handoverListQuerySchema.parse(await searchParams);
  const worker = worksShifts(viewer.role);
  const [t, tNodes, locale, pending, history, ownCases] = await Promise.all([
    getTranslations("rota.handover"),
    getTranslations("nodes"),
    getLocale(),
    listPendingHandovers(viewer),
    listHandovers(viewer, page),
    worker ? listOwnOpenCases(viewer) : Promise.resolve([]),
  ]);
  const formCases = ownCases.map((item) => ({
    id: item.id,
    number: formatApplicationNumber(item.number),
    meta: t("form.caseMeta", {
      service: locale === "zh" ? item.service.nameZh : item.service.nameEn,
      node: tNodes(item.currentNode),
    }),
  }));

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        {/* First on the page: the incoming shift reads and acknowledges before anything else. */}
        <PendingHandovers items={pending} viewerId={viewer.id} canAcknowledge={worker} />
        <section
          aria-labelledby="end-shift-heading"
          className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
        >
          <h2 id="end-shift-heading" className="text-lg font-semibold">
            {t("form.heading")}
          </h2>
          {worker ? (
            <>
              <p className="text-sm text-slate-600">{t("form.intro")}</p>
              <HandoverForm cases={formCases} />
            </>
          ) : (
            <Notice>{t("form.notWorker")}</Notice>
          )}
        </section>
        <HandoverHistory
          items={history.items}
          page={page}
          hasMore={history.hasMore}
          hrefFor={(target) => (target > 1 ? `${PATH}?page=${target}` : PATH)}
        />
      </div>
    </>
  );
}
