import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney, type MoneyLocale } from "@/lib/catalog/fees";
import type { StaffCase } from "@/lib/console/case-data";
import type { Role } from "@/lib/generated/prisma/enums";
import { getFormat } from "@/lib/i18n/server-format";
import { surchargeChange } from "@/lib/workflow/tier-change";
import { AcceptStandardForm } from "./accept-standard-form";
import { ActionStatus } from "./action-status";
import { AdvanceForm } from "./advance-form";
import { AssignForm, ClaimForm } from "./assignment-forms";
import { LapseForms } from "./lapse-forms";
import { ApproveForm, IssueDocumentForm, RejectForm } from "./decision-forms";
import { PaymentForm, RefundForm, WaiverForm } from "./money-forms";
import { NoteForm } from "./note-form";
import { ResultDocumentForm } from "./result-document-form";
import { SupplementRequestForm } from "./supplement-request-form";
import { ACTIONS_HEADING_ID } from "./workspace-sync";

type Props = { view: StaffCase; viewerRole: Role };

/**
 * Exactly the actions the workflow tables allow this viewer on this case now (computed in
 * findStaffCase with the same functions the server actions check), in working order.
 */
export async function ActionPanel({ view, viewerRole }: Props) {
  const [t, tTiers, locale, format] = await Promise.all([
    getTranslations("workspace.actions"),
    getTranslations("catalog.tiers"),
    getLocale(),
    getFormat(),
  ]);
  const transitions = new Map(view.allowed.transitions.map((transition) => [transition.name, transition]));
  const operations = new Set(view.allowed.operations);
  const money = (minor: number) => formatMoney(minor, view.payment.currency, locale as MoneyLocale);
  const advance = transitions.get("ADVANCE");
  const resultDocuments = view.evidence.filter((file) => file.kind === "RESULT_DOCUMENT");
  // The server refuses approval until then (lib/workflow/mutations.ts, requirement "payment").
  const paid = view.payment.status === "PAID" || view.payment.status === "WAIVED";
  const lapse = view.allowed.lapse;
  const lapsedDue = view.supplementRequests.find((request) => request.status === "OPEN")?.dueAt;
  const nothing = transitions.size === 0 && operations.size === 0 && lapse.length === 0;
  // The same arithmetic as the mutation (tier-change.ts): the fee after the change and what goes back.
  const standard = surchargeChange(view.payment.fee.surchargeMinor, view.standardSurchargeMinor ?? 0, "down");

  return (
    <section
      aria-labelledby={ACTIONS_HEADING_ID}
      id="actions"
      className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
    >
      {/* Focusable so focus has somewhere to go when a refresh removes the control that had it. */}
      <h2 id={ACTIONS_HEADING_ID} tabIndex={-1} className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <ActionStatus />
      {nothing && (
        <p className="text-slate-700">
          {viewerRole === "REVIEWER" && !view.closedAt ? t("noneReviewer") : t("none")}
        </p>
      )}
      {lapse.length > 0 && lapsedDue && (
        <LapseForms
          actions={lapse}
          dueAt={format.dateTime(lapsedDue, { dateStyle: "medium", timeStyle: "short" })}
        />
      )}
      {operations.has("CLAIM") && <ClaimForm />}
      {operations.has("ASSIGN") && view.assignees && (
        <AssignForm assignees={view.assignees} currentAssigneeId={view.assignee?.id ?? null} />
      )}
      {advance && <AdvanceForm to={advance.to} />}
      {transitions.has("REQUEST_SUPPLEMENT") && <SupplementRequestForm />}
      {operations.has("RECORD_PAYMENT") && <PaymentForm amount={money(view.payment.fee.totalMinor)} />}
      {transitions.has("APPROVE") && (
        <ApproveForm unpaidAmount={paid ? null : money(view.payment.fee.totalMinor)} />
      )}
      {transitions.has("REJECT") && <RejectForm />}
      {operations.has("ACCEPT_AS_STANDARD") && (
        <AcceptStandardForm
          tier={tTiers(view.tier)}
          fee={money(view.payment.fee.baseMinor + standard.surchargeMinor)}
          refund={
            view.payment.status === "PAID" && standard.differenceMinor > 0
              ? money(standard.differenceMinor)
              : null
          }
        />
      )}
      {operations.has("UPLOAD_RESULT_DOCUMENT") && <ResultDocumentForm documents={resultDocuments} />}
      {transitions.has("ISSUE_DOCUMENT") && <IssueDocumentForm />}
      {operations.has("ADD_NOTE") && <NoteForm />}
      {operations.has("RECORD_REFUND") && <RefundForm max={money(view.payment.fee.totalMinor)} />}
      {operations.has("WAIVE_FEE") && <WaiverForm paid={view.payment.status === "PAID"} />}
    </section>
  );
}
