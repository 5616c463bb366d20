import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { formatMoney, type MoneyLocale } from "@/lib/catalog/fees";
import type { StaffCase } from "@/lib/console/case-data";
import { Card, Row } from "@/components/ui/card";
import { linkClasses } from "@/components/ui/text-link";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;
const LOCALES = ["zh", "en"] as const;
const PROVIDERS = ["simulated", "counter", "staff"] as const;

/** Who applied and why. The ID number is only ever the masked form: the full one is not stored. */
export async function ApplicantCard({ view }: { view: StaffCase }) {
  const [t, tTypes] = await Promise.all([
    getTranslations("workspace.applicant"),
    getTranslations("apply.fields.idTypes"),
  ]);
  const { applicant } = view;
  const locale = LOCALES.find((candidate) => candidate === applicant.locale);
  return (
    <Card headingId="applicant-heading" heading={t("heading")}>
      <dl className="divide-y divide-slate-100">
        <Row term={t("name")}>{applicant.name}</Row>
        <Row term={t("idType")}>{tTypes(applicant.idType)}</Row>
        <Row term={t("idNumber")}>
          <span className="font-mono" aria-describedby="id-number-hint">
            {applicant.idNumberMasked}
          </span>
          <span id="id-number-hint" className="block text-xs text-slate-600">
            {t("idNumberHint")}
          </span>
        </Row>
        <Row term={t("phone")}>
          <a
            href={`tel:${applicant.phone.replace(/\s+/g, "")}`}
            className={linkClasses({ size: "inherit", inline: true, extra: "font-normal" })}
          >
            {applicant.phone}
          </a>
        </Row>
        <Row term={t("email")}>
          <a
            href={`mailto:${applicant.email}`}
            className={linkClasses({ size: "inherit", inline: true, extra: "break-all font-normal" })}
          >
            {applicant.email}
          </a>
        </Row>
        <Row term={t("locale")}>{locale ? t(`locales.${locale}`) : applicant.locale}</Row>
      </dl>
    </Card>
  );
}

export async function ReasonCard({ reason }: { reason: string }) {
  const t = await getTranslations("workspace.reason");
  return (
    <Card headingId="reason-heading" heading={t("heading")}>
      <p className="whitespace-pre-line break-words text-slate-900">{reason}</p>
    </Card>
  );
}

/** Fee breakdown and what happened to the money. */
export async function PaymentCard({ payment }: { payment: StaffCase["payment"] }) {
  const [t, tStatus, format, locale] = await Promise.all([
    getTranslations("workspace.fee"),
    getTranslations("case.summary.paymentStatus"),
    getFormat(),
    getLocale(),
  ]);
  const money = (minor: number) => formatMoney(minor, payment.currency, locale as MoneyLocale);
  const provider = PROVIDERS.find((candidate) => candidate === payment.provider);
  return (
    <Card headingId="payment-heading" heading={t("heading")}>
      <dl className="divide-y divide-slate-100">
        <Row term={t("base")}>{money(payment.fee.baseMinor)}</Row>
        <Row term={t("surcharge")}>{money(payment.fee.surchargeMinor)}</Row>
        <Row term={t("total")}>
          <span className="font-semibold tabular-nums">{money(payment.fee.totalMinor)}</span>
        </Row>
        <Row term={t("status")}>
          <span className={payment.status === "UNPAID" ? "font-semibold text-amber-800" : undefined}>
            {tStatus(payment.status)}
          </span>
        </Row>
        {payment.paidAt && <Row term={t("paidAt")}>{format.dateTime(payment.paidAt, WHEN)}</Row>}
        {payment.provider && (
          <Row term={t("provider")}>{provider ? t(`providers.${provider}`) : payment.provider}</Row>
        )}
        {payment.reference && (
          <Row term={t("reference")}>
            <span className="font-mono">{payment.reference}</span>
          </Row>
        )}
        {payment.refundedMinor !== null && <Row term={t("refunded")}>{money(payment.refundedMinor)}</Row>}
        {payment.refundedAt && <Row term={t("refundedAt")}>{format.dateTime(payment.refundedAt, WHEN)}</Row>}
      </dl>
    </Card>
  );
}
