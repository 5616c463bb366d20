import { getLocale, getTranslations } from "next-intl/server";
import { HandoverForm } from "@/components/handover/handover-form";
import { HandoverHistory } from "@/components/handover/handover-history";
import { OverloadedStaff } from "@/components/handover/overloaded-staff";
import { RebalanceSection } from "@/components/handover/rebalance-section";
import { PendingHandovers } from "@/components/handover/pending-handovers";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import { requireArea } from "@/lib/auth/session";
import { listHandovers, listOwnOpenCases, listPendingHandovers } from "@/lib/handover/data";
import { handoverListQuerySchema } from "@/lib/handover/schema";
import { canEditRota, worksShifts } from "@/lib/rota/access";
import { listOverloadedStaff } from "@/lib/rota/load-data";
import { rebalanceQuerySchema } from "@/lib/rota/rebalance-schema";

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
  const query = await searchParams;
  const { page } = handoverListQuerySchema.parse(query);
  const { from } = rebalanceQuerySchema.parse(query);
  const worker = worksShifts(viewer.role);
  const editor = canEditRota(viewer.role);
  const [t, tNodes, locale, pending, history, ownCases, overloaded] = await Promise.all([
    getTranslations("rota.handover"),
    getTranslations("nodes"),
    getLocale(),
    listPendingHandovers(viewer),
    listHandovers(viewer, page),
    worker ? listOwnOpenCases(viewer) : Promise.resolve([]),
    listOverloadedStaff(viewer),
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
        <OverloadedStaff people={overloaded} />
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
        {editor && <RebalanceSection viewer={viewer} from={from} />}
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
