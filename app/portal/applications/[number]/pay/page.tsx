import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { FeeBreakdown } from "@/components/payments/fee-breakdown";
import { PayForm } from "@/components/payments/pay-form";
import { RefundPolicy } from "@/components/payments/refund-policy";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { formatApplicationNumber, validateApplicationNumber } from "@/lib/applications/application-number";
import { requireArea } from "@/lib/auth/session";
import { formatMoney, quoteFee } from "@/lib/catalog/fees";
import { findOwnPayment } from "@/lib/payments/data";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("payment"))("payTitle") };
}

export default async function PayPage({ params }: Props) {
  const { number: raw } = await params;
  const user = await requireArea("portal", `/portal/applications/${encodeURIComponent(raw)}/pay`);
  const valid = validateApplicationNumber(raw);
  const payment = valid.ok ? await findOwnPayment(user, valid.number) : null;
  if (!payment) notFound();

  const [t, tCatalog, format, locale] = await Promise.all([
    getTranslations("payment"),
    getTranslations("catalog"),
    getFormat(),
    getLocale(),
  ]);
  const fee = quoteFee({ baseFeeMinor: payment.feeBaseMinor, surchargeMinor: payment.feeSurchargeMinor });
  const total = formatMoney(fee.totalMinor, payment.currency, locale === "zh" ? "zh" : "en");
  const base = `/portal/applications/${payment.number}`;
  const serviceName = locale === "zh" ? payment.service.nameZh : payment.service.nameEn;
  const counterPending =
    payment.paymentStatus === "UNPAID" && payment.paymentProvider === "counter" && payment.paymentReference;
  const closed = payment.status === "WITHDRAWN" || payment.status === "REJECTED";

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader
        title={t("payTitle")}
        description={t("payFor", {
          number: formatApplicationNumber(payment.number),
          service: serviceName,
          tier: tCatalog(`tiers.${payment.tier}`),
        })}
      />

      <div className="rounded-2xl border border-slate-200 bg-white p-5">
        <FeeBreakdown
          caption={t("breakdownTitle")}
          baseMinor={fee.baseMinor}
          surchargeMinor={fee.surchargeMinor}
          currency={payment.currency}
        />
        {payment.caseDueAt && fee.surchargeMinor > 0 && (
          <p className="mt-3 text-sm text-slate-600">
            {t("deadline", {
              time: format.dateTime(payment.caseDueAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
        )}
      </div>

      <RefundPolicy
        baseMinor={fee.baseMinor}
        surchargeMinor={fee.surchargeMinor}
        currency={payment.currency}
      />

      {payment.paymentStatus !== "UNPAID" ? (
        <Notice tone="success">
          {t(`alreadySettled.${payment.paymentStatus}`)}{" "}
          {payment.paymentStatus === "PAID" && (
            <Link href={`${base}/receipt`} className="font-semibold underline">
              {t("viewReceipt")}
            </Link>
          )}
        </Notice>
      ) : closed ? (
        <Notice>{t("errors.closed")}</Notice>
      ) : (
        <section
          aria-labelledby="pay-heading"
          className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-5"
        >
          <h2 id="pay-heading" className="text-lg font-semibold">
            {t("howToPay")}
          </h2>
          {counterPending && (
            <Notice>
              <p className="font-semibold">{t("counter.title")}</p>
              <p className="mt-1">{t("counter.instructions", { amount: total })}</p>
              <p className="mt-2">
                {t("counter.referenceLabel")}{" "}
                <span className="font-mono text-base font-bold">{payment.paymentReference}</span>
              </p>
            </Notice>
          )}
          <PayForm number={payment.number} totalText={total} counterChosen={Boolean(counterPending)} />
        </section>
      )}

      <Link href={base} className={buttonClasses("ghost", "self-start")}>
        {t("backToCase")}
      </Link>
    </div>
  );
}
