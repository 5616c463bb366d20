import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { CaseRefresher } from "@/components/case/case-refresher";
import { CaseSummary } from "@/components/case/case-summary";
import { FeeOutcomeText } from "@/components/case/fee-outcome";
import { RefundList } from "@/components/case/refund-list";
import { History } from "@/components/case/history";
import { SentMessages } from "@/components/case/sent-messages";
import { ProgressBar } from "@/components/case/progress-bar";
import { RatingForm } from "@/components/case/rating-form";
import { ResultDocuments } from "@/components/case/result-documents";
import { SupplementPanel } from "@/components/case/supplement-panel";
import { Timeline } from "@/components/case/timeline";
import { WithdrawDialog } from "@/components/case/withdraw-dialog";
import { ShareLink } from "@/components/track/share-link";
import { FollowUpButton } from "@/components/case/follow-up-button";
import { UpgradeCard } from "@/components/case/upgrade-card";
import { findUpgradeOffer } from "@/lib/workflow/tier-data";
import { Card } from "@/components/ui/card";
import { isOperationAllowed } from "@/lib/workflow/operations";
import { PageHeader } from "@/components/ui/page-header";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import { requireArea } from "@/lib/auth/session";
import { findOwnCase } from "@/lib/cases/data";
import { listSentMessages } from "@/lib/notifications/sent-data";
import { isStepLate } from "@/lib/cases/next-due";
import { feeOutcome, passedMaterialCheck } from "@/lib/payments/refund-policy";
import { caseProgress } from "@/lib/workflow/progress";
import { allowedTransitions } from "@/lib/workflow/transitions";
import { TextLink } from "@/components/ui/text-link";

type Props = {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ messages?: string | string[] }>;
};

const messagesPageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

const STATUS_HEADING_ID = "case-status";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ number }, t] = await Promise.all([params, getTranslations("case")]);
  return { title: t("title", { number: formatApplicationNumber(number) }) };
}

export default async function CasePage({ params, searchParams }: Props) {
  const { number } = await params;
  const rawMessagesPage = (await searchParams).messages;
  const user = await requireArea("portal", `/portal/applications/${encodeURIComponent(number)}`);
  // Unknown, malformed and other people's numbers all end here: a 404 never says which.
  const view = await findOwnCase(user, number);
  if (!view) notFound();
  const [t, locale, messages] = await Promise.all([
    getTranslations("case"),
    getLocale(),
    listSentMessages(
      user,
      view.number,
      messagesPageParam.parse(Array.isArray(rawMessagesPage) ? rawMessagesPage[0] : (rawMessagesPage ?? 1)),
    ),
  ]);
  const now = new Date();
  // A system-written standard reason (a supplement not provided) reads in the applicant's language.
  const events = view.events.map((event) =>
    event.standardReason
      ? {
          ...event,
          publicNote: [t("supplementNotProvidedReason"), event.publicNote].filter(Boolean).join("\n\n"),
        }
      : event,
  );

  const progress = caseProgress({
    currentNode: view.currentNode,
    status: view.status,
    requiresExpertReview: view.service.requiresExpertReview,
    // While waiting for the applicant, their deadline is the open request's, whatever else was stored.
    nodeDueAt:
      view.currentNode === "AWAITING_SUPPLEMENT" && view.openSupplement
        ? view.openSupplement.dueAt
        : view.nodeDueAt,
    caseDueAt: view.caseDueAt,
    assigneeName: view.assigneeName,
    events,
    nodeTargets: view.nodeTargets,
    now,
  });
  // The same table the server checks: a button exists exactly when the action would be accepted.
  const allowed = new Set(
    allowedTransitions(
      {
        currentNode: view.currentNode,
        status: view.status,
        applicantId: view.applicantId,
        assigneeId: view.assigneeId,
        requiresExpertReview: view.service.requiresExpertReview,
      },
      user,
    ).map((transition) => transition.name),
  );
  // 催办 only once a step is actually late (the server refuses it otherwise).
  const canFollowUp =
    isStepLate({ ...view, openSupplementDueAt: view.openSupplement?.dueAt ?? null }, now) &&
    isOperationAllowed(
      {
        currentNode: view.currentNode,
        status: view.status,
        applicantId: view.applicantId,
        assigneeId: view.assigneeId,
        requiresExpertReview: view.service.requiresExpertReview,
        serviceId: view.serviceId,
        paymentStatus: view.paymentStatus,
      },
      user,
      "FOLLOW_UP",
    );
  // Rejected or withdrawn: what happens to the money, by the refund rules shown before paying.
  const fee = feeOutcome({
    status: view.status,
    paymentStatus: view.paymentStatus,
    fee: view.fee,
    materialCheckDone: passedMaterialCheck(view.events.map((event) => event.node)),
    caseDueAt: view.caseDueAt,
    closedAt: view.closedAt,
    refundedMinor: view.refundedMinor,
    refundedAt: view.refundedAt,
  });
  const displayNumber = formatApplicationNumber(view.number);
  // A faster tier for the difference, priced and timed by the rules the server applies (decision 032).
  const upgrade = await findUpgradeOffer(user, view, now);
  const endedOutcome =
    progress.outcome === "completed" || progress.outcome === "rejected" || progress.outcome === "withdrawn"
      ? progress.outcome
      : null;

  return (
    <>
      <CaseRefresher number={view.number} version={view.version} focusTargetId={STATUS_HEADING_ID} />
      <p className="mb-3">
        <TextLink href="/portal">
          <span aria-hidden="true">←&nbsp;</span>
          {t("backToList")}
        </TextLink>
      </p>
      <PageHeader
        title={t("title", { number: displayNumber })}
        description={locale === "zh" ? view.service.nameZh : view.service.nameEn}
        actions={
          <div className="flex flex-col gap-2 sm:flex-row">
            <ShareLink number={view.number} />
            {allowed.has("WITHDRAW") && (
              <WithdrawDialog applicationId={view.id} version={view.version} displayNumber={displayNumber} />
            )}
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        <section
          aria-labelledby={STATUS_HEADING_ID}
          className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
        >
          {/* Focusable so focus has somewhere to go when a refresh removes the control that had it. */}
          <h2 id={STATUS_HEADING_ID} tabIndex={-1} className="text-lg font-semibold">
            {t("progress.heading")}
          </h2>
          <div className="mt-3">
            <ProgressBar
              percent={progress.percent}
              currentNode={progress.currentNode}
              outcome={progress.outcome}
              ended={progress.ended}
            />
          </div>
          {endedOutcome && <p className="mt-3 text-slate-700">{t(`progress.ended.${endedOutcome}`)}</p>}
          {canFollowUp && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <FollowUpButton applicationId={view.id} version={view.version} />
            </div>
          )}
        </section>

        {(fee || view.refunds.length > 0) && (
          <Card headingId="fee-heading" heading={t("fee.heading")}>
            <div className="flex flex-col gap-4">
              {/* Recorded refunds say it all; the rules' text stays for what they do not cover. */}
              {fee && (view.refunds.length === 0 || !["refunded", "refundDue"].includes(fee.kind)) && (
                <FeeOutcomeText outcome={fee} totalMinor={view.fee.totalMinor} currency={view.fee.currency} />
              )}
              {view.refunds.length > 0 && <RefundList refunds={view.refunds} currency={view.fee.currency} />}
            </div>
          </Card>
        )}

        <UpgradeCard
          offer={upgrade}
          applicationId={view.id}
          number={view.number}
          displayNumber={displayNumber}
          version={view.version}
          currency={view.fee.currency}
        />

        {view.openSupplement && (
          <SupplementPanel
            applicationId={view.id}
            version={view.version}
            request={view.openSupplement}
            canAnswer={allowed.has("PROVIDE_SUPPLEMENT")}
          />
        )}

        {view.currentNode === "DOCUMENT_ISSUED" && <ResultDocuments documents={view.resultDocuments} />}

        {view.status === "COMPLETED" && (
          <Card headingId="rating-heading" heading={t("rating.heading")}>
            {!view.rating && <p className="mb-3 text-slate-700">{t("rating.intro")}</p>}
            <RatingForm
              applicationId={view.id}
              rating={view.rating && { value: view.rating.value, comment: view.rating.comment }}
            />
          </Card>
        )}

        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Card headingId="timeline-heading" heading={t("timeline.heading")}>
            <Timeline steps={progress.steps} ended={progress.ended} />
          </Card>
          <Card headingId="summary-heading" heading={t("summary.heading")}>
            <CaseSummary view={view} />
          </Card>
        </div>

        <Card headingId="history-heading" heading={t("history.heading")}>
          <p className="mb-2 text-sm text-slate-600">{t("history.intro")}</p>
          <History events={events} />
          <SentMessages
            list={messages}
            hrefFor={(page) =>
              `/portal/applications/${encodeURIComponent(view.number)}${page > 1 ? `?messages=${page}` : ""}#sent-messages-heading`
            }
          />
        </Card>
      </div>
    </>
  );
}
