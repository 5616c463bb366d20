import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { RefundList } from "@/components/case/refund-list";
import { PrintButton } from "@/components/payments/print-button";
import { buttonClasses } from "@/components/ui/button";
import { formatApplicationNumber, validateApplicationNumber } from "@/lib/applications/application-number";
import { requireArea } from "@/lib/auth/session";
import { formatMoney, quoteFee } from "@/lib/catalog/fees";
import { findOwnPayment } from "@/lib/payments/data";

type Props = { params: Promise<{ number: string }> };

// Printing shows the receipt alone: the site header, footer and buttons are not part of it.
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  [data-receipt], [data-receipt] * { visibility: visible; }
  [data-receipt] { position: absolute; inset: 0 auto auto 0; width: 100%; }
}`;

export async function generateMetadata() {
  return { title: (await getTranslations("payment"))("receipt.title") };
}

export default async function ReceiptPage({ params }: Props) {
  const { number: raw } = await params;
  const user = await requireArea("portal", `/portal/applications/${encodeURIComponent(raw)}/receipt`);
  const valid = validateApplicationNumber(raw);
  const payment = valid.ok ? await findOwnPayment(user, valid.number) : null;
  if (!payment) notFound();
  const base = `/portal/applications/${payment.number}`;
  // A fee waived after it was paid still has its receipt (and the refund on it).
  if (payment.paymentStatus !== "PAID" && payment.paymentStatus !== "REFUNDED" && !payment.paidAt)
    redirect(`${base}/pay`);

  const [t, tCatalog, format, locale] = await Promise.all([
    getTranslations("payment"),
    getTranslations("catalog"),
    getFormat(),
    getLocale(),
  ]);
  const fee = quoteFee({ baseFeeMinor: payment.feeBaseMinor, surchargeMinor: payment.feeSurchargeMinor });
  const money = (minor: number) => formatMoney(minor, payment.currency, locale === "zh" ? "zh" : "en");
  const provider =
    payment.paymentProvider && t.has(`providers.${payment.paymentProvider}`)
      ? t(`providers.${payment.paymentProvider}`)
      : payment.paymentProvider;
  const rows: [string, string][] = [
    [t("receipt.number"), formatApplicationNumber(payment.number)],
    [t("receipt.service"), locale === "zh" ? payment.service.nameZh : payment.service.nameEn],
    [t("receipt.tier"), tCatalog(`tiers.${payment.tier}`)],
    [t("receipt.applicant"), payment.applicantName],
    [t("standardFee"), money(fee.baseMinor)],
    [t("urgentSurcharge"), money(fee.surchargeMinor)],
    [t("receipt.totalPaid"), money(fee.totalMinor)],
    [t("receipt.method"), provider ?? "—"],
    [t("receipt.reference"), payment.paymentReference ?? "—"],
    [
      t("receipt.paidAt"),
      payment.paidAt ? format.dateTime(payment.paidAt, { dateStyle: "long", timeStyle: "short" }) : "—",
    ],
  ];

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <style>{PRINT_CSS}</style>
      <article
        data-receipt
        aria-labelledby="receipt-title"
        className="rounded-2xl border border-slate-200 bg-white p-6 print:border-0 print:p-0"
      >
        <p className="text-sm font-semibold text-brand-700">{t("receipt.brand")}</p>
        <h1 id="receipt-title" className="mt-1 text-2xl font-bold text-slate-900">
          {t("receipt.title")}
        </h1>
        {payment.paymentStatus === "REFUNDED" && (
          <p className="mt-2 font-semibold text-red-700">{t("receipt.refunded")}</p>
        )}
        <dl className="mt-4 divide-y divide-slate-100 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-4 py-2">
              <dt className="text-slate-600">{label}</dt>
              <dd className="text-right font-medium break-all text-slate-900 tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        {payment.refunds.length > 0 && (
          <div className="mt-4 border-t border-slate-200 pt-4 text-sm">
            <RefundList refunds={payment.refunds} currency={payment.currency} />
          </div>
        )}
        <p className="mt-4 text-xs text-slate-500">{t("receipt.footer")}</p>
      </article>
      <div className="flex flex-col gap-2 sm:flex-row print:hidden">
        <PrintButton label={t("receipt.print")} />
        <Link href={base} className={buttonClasses("secondary")}>
          {t("backToCase")}
        </Link>
      </div>
    </div>
  );
}
