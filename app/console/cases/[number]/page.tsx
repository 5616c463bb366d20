import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Timeline } from "@/components/case/timeline";
import { PageHeader } from "@/components/ui/page-header";
import { ActionPanel } from "@/components/workspace/action-panel";
import { ApplicantCard, PaymentCard, ReasonCard } from "@/components/workspace/applicant-card";
import { TriageCard } from "@/components/workspace/triage-card";
import { Card } from "@/components/ui/card";
import { CaseFacts } from "@/components/workspace/case-facts";
import { EvidenceViewer } from "@/components/workspace/evidence-viewer";
import { KeyboardShortcuts } from "@/components/workspace/keyboard-shortcuts";
import { StaffHistory } from "@/components/workspace/staff-history";
import { SupplementHistory } from "@/components/workspace/supplement-history";
import { WorkspaceSync } from "@/components/workspace/workspace-sync";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import { requireArea } from "@/lib/auth/session";
import { findStaffCase } from "@/lib/console/case-data";
import { caseProgress } from "@/lib/workflow/progress";
import { TextLink, linkClasses } from "@/components/ui/text-link";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ number }, t] = await Promise.all([params, getTranslations("workspace")]);
  return { title: t("title", { number: formatApplicationNumber(number) }) };
}

export default async function StaffCasePage({ params }: Props) {
  const { number } = await params;
  const user = await requireArea("console", `/console/cases/${encodeURIComponent(number)}`);
  const view = await findStaffCase(user, number);
  if (!view) notFound();
  const [t, locale] = await Promise.all([getTranslations("workspace"), getLocale()]);
  const now = new Date();
  const displayNumber = formatApplicationNumber(view.number);
  const openSupplement = view.supplementRequests.find((request) => request.status === "OPEN");
  const progress = caseProgress({
    currentNode: view.currentNode,
    status: view.status,
    requiresExpertReview: view.service.requiresExpertReview,
    // While waiting for the applicant, their deadline is the open request's, whatever else was stored.
    nodeDueAt:
      view.currentNode === "AWAITING_SUPPLEMENT" && openSupplement ? openSupplement.dueAt : view.nodeDueAt,
    caseDueAt: view.caseDueAt,
    assigneeName: view.assignee?.displayName ?? null,
    events: view.events,
    nodeTargets: view.nodeTargets,
    now,
  });

  return (
    <WorkspaceSync
      applicationId={view.id}
      number={view.number}
      displayNumber={displayNumber}
      version={view.version}
    >
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <TextLink href="/console">
          <span aria-hidden="true">←&nbsp;</span>
          {t("backToQueue")}
        </TextLink>
        <KeyboardShortcuts />
      </div>
      <PageHeader
        title={t("title", { number: displayNumber })}
        description={locale === "zh" ? view.service.nameZh : view.service.nameEn}
        actions={
          // Narrow screens stack the actions below everything else: one step there.
          <a href="#actions" className={linkClasses({ extra: "lg:hidden" })}>
            {t("jumpToActions")}
          </a>
        }
      />
      <div className="flex flex-col gap-6">
        <CaseFacts view={view} now={now} />
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <div className="flex min-w-0 flex-col gap-6">
            <div className="grid gap-6 xl:grid-cols-2">
              <ApplicantCard view={view} />
              <PaymentCard payment={view.payment} />
            </div>
            <ReasonCard reason={view.reason} />
            <TriageCard score={view.triageScore} answers={view.triageAnswers} />
            <Card headingId="evidence-heading" heading={t("evidence.heading")}>
              <EvidenceViewer files={view.evidence} slots={view.service.evidence} />
            </Card>
            <Card headingId="history-heading" heading={t("history.heading")}>
              <StaffHistory events={view.events} />
            </Card>
            <Card headingId="supplements-heading" heading={t("supplements.heading")}>
              <SupplementHistory requests={view.supplementRequests} />
            </Card>
            <Card headingId="steps-heading" heading={t("steps.heading")}>
              <Timeline steps={progress.steps} ended={progress.ended} />
            </Card>
          </div>
          <aside className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto">
            <ActionPanel view={view} viewerRole={user.role} />
          </aside>
        </div>
      </div>
    </WorkspaceSync>
  );
}
