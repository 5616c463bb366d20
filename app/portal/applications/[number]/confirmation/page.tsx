import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { ClearSubmittedDraft } from "@/components/apply/clear-submitted-draft";
import { CopyButton } from "@/components/apply/copy-button";
import { NextDueText } from "@/components/case/next-due-text";
import { ScheduledStart } from "@/components/case/scheduled-start";
import { buttonClasses } from "@/components/ui/button";
import { formatApplicationNumber, validateApplicationNumber } from "@/lib/applications/application-number";
import { findOwnApplicationConfirmation } from "@/lib/applications/data";
import { requireArea } from "@/lib/auth/session";
import { nextDueOf } from "@/lib/cases/next-due";
import { formatMoney, quoteFee } from "@/lib/catalog/fees";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("apply.confirmation"))("title") };
}

export default async function ConfirmationPage({ params }: Props) {
  const { number: raw } = await params;
  const user = await requireArea("portal", `/portal/applications/${encodeURIComponent(raw)}/confirmation`);
  const valid = validateApplicationNumber(raw);
  // Someone else's number and a made-up one look the same: not found.
  const application = valid.ok ? await findOwnApplicationConfirmation(user, valid.number) : null;
  if (!application) notFound();

  const [t, tNodes, tCatalog, format, locale] = await Promise.all([
    getTranslations("apply.confirmation"),
    getTranslations("nodes"),
    getTranslations("catalog"),
    getFormat(),
    getLocale(),
  ]);
  // The same next due time as the case page and the list (lib/cases/next-due.ts).
  const due = nextDueOf(application, new Date());
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const display = formatApplicationNumber(application.number);
  const fee = quoteFee({
    baseFeeMinor: application.feeBaseMinor,
    surchargeMinor: application.feeSurchargeMinor,
  });
  const base = `/portal/applications/${application.number}`;
  const serviceName = locale === "zh" ? application.service.nameZh : application.service.nameEn;

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      {application.submissionKey && (
        <ClearSubmittedDraft
          userId={user.id}
          serviceCode={application.service.code}
          submissionKey={application.submissionKey}
        />
      )}
      <section
        aria-labelledby="confirmation-title"
        className="rounded-2xl border border-emerald-200 bg-emerald-50 p-6 text-center"
      >
        <h1 id="confirmation-title" className="text-2xl font-bold text-emerald-900">
          {t("title")}
        </h1>
        <p className="mt-1 text-emerald-900">
          {t("service", { service: serviceName, tier: tCatalog(`tiers.${application.tier}`) })}
        </p>
        <p id="application-number-label" className="mt-4 text-sm font-medium text-slate-700">
          {t("numberLabel")}
        </p>
        <p
          id="application-number"
          className="mt-1 font-mono text-3xl font-bold tracking-wider break-all text-slate-900 sm:text-4xl"
        >
          {display}
        </p>
        <div className="mt-3">
          <CopyButton text={display} label={t("copy")} targetId="application-number" />
        </div>
        <p className="mt-1 text-sm text-slate-700">{t("keepNumber")}</p>
      </section>

      {application.paymentStatus === "UNPAID" && (
        <section
          aria-labelledby="payment-due"
          className="rounded-2xl border border-amber-200 bg-amber-50 p-5"
        >
          <h2 id="payment-due" className="font-semibold text-amber-900">
            {t("paymentDue", {
              amount: formatMoney(fee.totalMinor, application.currency, locale === "zh" ? "zh" : "en"),
            })}
          </h2>
          <p className="mt-1 text-sm text-amber-900">{t("paymentDueBody")}</p>
          <Link href={`${base}/pay`} className={buttonClasses("primary", "mt-3")}>
            {t("payNow")}
          </Link>
        </section>
      )}

      <section aria-labelledby="next-steps" className="rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="next-steps" className="text-lg font-semibold">
          {t("nextTitle")}
        </h2>
        <ol className="mt-3 flex flex-col gap-3 text-sm text-slate-700">
          {application.scheduledStartAt && (
            <li>
              <ScheduledStart startsAt={application.scheduledStartAt} />
            </li>
          )}
          {due && (
            <li>
              <NextDueText due={due} />
            </li>
          )}
          <li>
            <span className="font-medium text-slate-900">{tNodes("DECISION")}</span>
            {application.caseDueAt && <> — {t("decisionBy", { time: when(application.caseDueAt) })}</>}
          </li>
          <li>{t("notify", { email: application.email })}</li>
        </ol>
      </section>

      <div className="flex flex-col gap-2 sm:flex-row">
        <Link
          href={base}
          className={buttonClasses(application.paymentStatus === "UNPAID" ? "secondary" : "primary")}
        >
          {t("viewCase")}
        </Link>
        {application.paymentStatus === "PAID" && (
          <Link href={`${base}/receipt`} className={buttonClasses("secondary")}>
            {t("viewReceipt")}
          </Link>
        )}
        <Link href="/portal" className={buttonClasses("ghost")}>
          {t("myApplications")}
        </Link>
      </div>
    </div>
  );
}
