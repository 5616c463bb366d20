import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { z } from "zod";
import { NextDueText } from "@/components/case/next-due-text";
import { ProgressBar } from "@/components/case/progress-bar";
import { buttonClasses } from "@/components/ui/button";
import { NumberedPager } from "@/components/ui/pager";
import { PageHeader } from "@/components/ui/page-header";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import { listOwnApplications } from "@/lib/applications/data";
import { requireArea } from "@/lib/auth/session";
import { nextDueOf } from "@/lib/cases/next-due";
import { TextLink } from "@/components/ui/text-link";

// Anything that is not a sensible page number shows the first page rather than an error.
const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

export async function generateMetadata() {
  return { title: (await getTranslations("portal"))("title") };
}

export default async function PortalPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const user = await requireArea("portal", "/portal");
  const raw = (await searchParams).page;
  const requested = pageParam.parse(Array.isArray(raw) ? raw[0] : (raw ?? 1));
  const [t, tCase, tTiers, format, locale, list] = await Promise.all([
    getTranslations("portal"),
    getTranslations("case"),
    getTranslations("catalog.tiers"),
    getFormat(),
    getLocale(),
    listOwnApplications(user, requested),
  ]);
  if (list.total > 0 && requested > list.pageCount) redirect(`/portal?page=${list.pageCount}`);
  const now = new Date();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("welcome", { name: user.displayName })}
        actions={
          <Link href="/portal/apply" className={buttonClasses("primary", "w-full sm:w-auto")}>
            <span aria-hidden="true">+</span>
            {t("newApplication")}
          </Link>
        }
      />
      <section
        aria-labelledby="my-applications"
        className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
      >
        <h2 id="my-applications" className="text-lg font-semibold">
          {t("myApplications", { count: list.total })}
        </h2>
        {list.items.length === 0 ? (
          <div className="mt-2">
            <p className="text-slate-600">{t("empty")}</p>
            <TextLink href="/services" className="mt-2">
              {t("browseServices")}
            </TextLink>
          </div>
        ) : (
          <ul className="mt-3 flex flex-col gap-3">
            {list.items.map((item) => {
              const displayNumber = formatApplicationNumber(item.number);
              const open = !item.progress.ended;
              const due = nextDueOf(item.due, now);
              return (
                <li key={item.id} className="rounded-xl border border-slate-200 p-3 sm:p-4">
                  <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                    <Link
                      href={`/portal/applications/${item.number}`}
                      className="group block min-h-11 min-w-0"
                    >
                      <span className="block font-semibold text-brand-700 group-hover:underline">
                        {locale === "zh" ? item.service.nameZh : item.service.nameEn}
                      </span>
                      <span className="block font-mono text-sm text-slate-600">{displayNumber}</span>
                    </Link>
                    <div className="flex flex-wrap gap-1.5 text-xs font-medium">
                      <span className="rounded-full bg-slate-100 px-2 py-1 text-slate-800">
                        {tCase(`status.${item.status}`)}
                      </span>
                      <span className="rounded-full bg-slate-100 px-2 py-1 text-slate-800">
                        {tTiers(item.tier)}
                      </span>
                      {item.paymentStatus === "UNPAID" && open && (
                        <span className="rounded-full bg-amber-100 px-2 py-1 text-amber-900">
                          {t("unpaid")}
                        </span>
                      )}
                    </div>
                  </div>
                  <div className="mt-3">
                    <ProgressBar
                      size="sm"
                      label={t("progress", { number: displayNumber })}
                      percent={item.progress.percent}
                      currentNode={item.progress.currentNode}
                      outcome={item.progress.outcome}
                      ended={item.progress.ended}
                    />
                  </div>
                  <p className="mt-2 text-xs text-slate-600">
                    {due ? <NextDueText due={due} /> : t("submittedAt", { time: when(item.submittedAt) })}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
        {list.pageCount > 1 && (
          <NumberedPager
            className="mt-4"
            label={t("pagination")}
            status={t("pageOf", { page: list.page, count: list.pageCount })}
            page={list.page}
            hasNext={list.page < list.pageCount}
            hrefFor={(page) => `/portal?page=${page}`}
            labels={{ previous: t("previous"), next: t("next") }}
          />
        )}
      </section>
    </>
  );
}
