import "server-only";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { isStaff } from "@/lib/auth/roles";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { quoteFee } from "@/lib/catalog/fees";
import { db } from "@/lib/db";
import { listCaseEvidence } from "@/lib/evidence/data";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, WorkflowNode } from "@/lib/generated/prisma/enums";
import type { WorkflowViewer } from "@/lib/workflow/actors";
import { allowedOperations, type OperationState } from "@/lib/workflow/operations";
import type { ProgressEvent } from "@/lib/workflow/progress";
import { readNotes, type SystemNote } from "@/lib/workflow/system-notes";
import { allowedLapseActions } from "@/lib/workflow/supplement-deadline";
import { allowedTransitions } from "@/lib/workflow/transitions";

/** Like the applicant's page: a bound that only keeps a runaway history from flooding the page. */
const TIMELINE_LIMIT = 500;
const SUPPLEMENT_LIMIT = 50;
// Enough for any real team; the bound only keeps a broken import from flooding the select.
const ASSIGNEE_LIMIT = 200;

/** A timeline entry as staff see it: the applicant's view plus the internal note and who acted. */
export type StaffCaseEvent = ProgressEvent & {
  id: string;
  internalNote: string | null;
  /** Written by the server (auto-assignment, handover), shown in the reader's language. */
  systemNote: SystemNote | null;
  actor: { name: string; staff: boolean; role: Role } | null;
};

const CASE_SELECT = {
  id: true,
  number: true,
  version: true,
  applicantId: true,
  assigneeId: true,
  serviceId: true,
  tier: true,
  status: true,
  currentNode: true,
  nodeDueAt: true,
  caseDueAt: true,
  nodeEnteredAt: true,
  pausedMinutes: true,
  slaEscalatedAt: true,
  deadlineRiskAt: true,
  unstaffedAt: true,
  supplementLapsedAt: true,
  neededBy: true,
  triageScore: true,
  triageAnswers: true,
  submittedAt: true,
  closedAt: true,
  reason: true,
  // The ID number itself is never stored; its hash is not selected either (nothing here needs it).
  applicantName: true,
  idType: true,
  idNumberMasked: true,
  phone: true,
  email: true,
  locale: true,
  feeBaseMinor: true,
  feeSurchargeMinor: true,
  currency: true,
  paymentStatus: true,
  paidAt: true,
  paymentProvider: true,
  paymentReference: true,
  refundedMinor: true,
  refundedAt: true,
  service: {
    select: {
      id: true,
      nameZh: true,
      nameEn: true,
      requiresExpertReview: true,
      // The slots the applicant uploaded into, to name each file by its slot.
      evidence: { orderBy: { sortOrder: "asc" }, select: { kind: true, labelZh: true, labelEn: true } },
    },
  },
  assignee: { select: { id: true, displayName: true } },
  timeline: {
    // Newest first, so a history past the bound loses its oldest entries, not the latest ones.
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: TIMELINE_LIMIT,
    select: {
      id: true,
      node: true,
      action: true,
      occurredAt: true,
      dueAt: true,
      publicNote: true,
      internalNote: true,
      noteKey: true,
      noteParams: true,
      actor: { select: { displayName: true, role: true } },
    },
  },
  supplementRequests: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SUPPLEMENT_LIMIT,
    select: {
      id: true,
      status: true,
      dueAt: true,
      createdAt: true,
      fulfilledAt: true,
      requestedBy: { select: { displayName: true } },
      items: {
        orderBy: { sortOrder: "asc" },
        select: { id: true, problem: true, suggestion: true, resolved: true },
      },
      files: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          originalName: true,
          mimeType: true,
          sizeBytes: true,
          kind: true,
          createdAt: true,
        },
      },
    },
  },
} satisfies Prisma.ApplicationSelect;

/**
 * Everything the staff workspace shows about one case, for any staff member (staff may look at
 * every case; what they may do is in `allowed`), or null when the number is malformed or unknown.
 * Unlike findOwnCase this includes internal notes: never pass its result to applicant-facing UI.
 */
export async function findStaffCase(viewer: Viewer, rawNumber: string) {
  assertArea(viewer, "console");
  const parsed = validateApplicationNumber(rawNumber);
  if (!parsed.ok) return null;
  const row = await db.application.findUnique({ where: { number: parsed.number }, select: CASE_SELECT });
  if (!row) return null;

  const [targets, evidence, workflowViewer, assignees, standardTier] = await Promise.all([
    db.nodeTarget.findMany({
      where: { serviceTier: { serviceId: row.serviceId, tier: row.tier } },
      select: { node: true, targetMinutes: true },
    }),
    listCaseEvidence(viewer, row.id),
    withHandledServices(viewer, row.serviceId),
    viewer.role === "SUPERVISOR" ? listEligibleAssignees(row.serviceId) : Promise.resolve(null),
    // What "accept as standard" would charge (decision 032).
    db.serviceTier.findUnique({
      where: { serviceId_tier: { serviceId: row.serviceId, tier: "STANDARD" } },
      select: { surchargeMinor: true },
    }),
  ]);

  const state: OperationState = {
    currentNode: row.currentNode,
    status: row.status,
    applicantId: row.applicantId,
    assigneeId: row.assigneeId,
    requiresExpertReview: row.service.requiresExpertReview,
    serviceId: row.serviceId,
    paymentStatus: row.paymentStatus,
    tier: row.tier,
  };
  const operations = allowedOperations(state, workflowViewer).filter(
    // Without a standard tier in the catalog the server refuses it: no control either.
    (name) => name !== "ACCEPT_AS_STANDARD" || standardTier !== null,
  );

  return {
    id: row.id,
    number: row.number,
    version: row.version,
    service: row.service,
    tier: row.tier,
    status: row.status,
    currentNode: row.currentNode,
    nodeDueAt: row.nodeDueAt,
    caseDueAt: row.caseDueAt,
    sla: {
      nodeEnteredAt: row.nodeEnteredAt,
      pausedMinutes: row.pausedMinutes,
      escalatedAt: row.slaEscalatedAt,
      deadlineRiskAt: row.deadlineRiskAt,
      unstaffedAt: row.unstaffedAt,
      supplementLapsedAt: row.supplementLapsedAt,
    },
    neededBy: row.neededBy,
    triageScore: row.triageScore,
    triageAnswers: row.triageAnswers,
    submittedAt: row.submittedAt,
    closedAt: row.closedAt,
    reason: row.reason,
    applicant: {
      name: row.applicantName,
      idType: row.idType,
      idNumberMasked: row.idNumberMasked,
      phone: row.phone,
      email: row.email,
      locale: row.locale,
    },
    payment: {
      status: row.paymentStatus,
      paidAt: row.paidAt,
      provider: row.paymentProvider,
      reference: row.paymentReference,
      fee: quoteFee({ baseFeeMinor: row.feeBaseMinor, surchargeMinor: row.feeSurchargeMinor }),
      currency: row.currency,
      refundedMinor: row.refundedMinor,
      refundedAt: row.refundedAt,
    },
    assignee: row.assignee,
    events: row.timeline.reverse().map((event): StaffCaseEvent => ({
      id: event.id.toString(),
      node: event.node,
      action: event.action,
      occurredAt: event.occurredAt,
      dueAt: event.dueAt,
      publicNote: event.publicNote,
      ...readNotes(event),
      actor: event.actor
        ? { name: event.actor.displayName, staff: isStaff(event.actor.role), role: event.actor.role }
        : null,
    })),
    supplementRequests: row.supplementRequests,
    evidence,
    nodeTargets: Object.fromEntries(targets.map((target) => [target.node, target.targetMinutes])) as Partial<
      Record<WorkflowNode, number>
    >,
    // The same tables the mutations check: a control exists exactly when the server would accept it.
    allowed: {
      transitions: allowedTransitions(state, workflowViewer),
      operations,
      // What may be done about a lapsed supplement (lib/workflow/supplement-deadline.ts), checked again by the mutation.
      lapse: allowedLapseActions(
        state,
        workflowViewer,
        row.supplementRequests.find((request) => request.status === "OPEN")?.dueAt ?? null,
        new Date(),
      ),
    },
    standardSurchargeMinor: standardTier?.surchargeMinor ?? null,
    assignees,
  };
}

export type StaffCase = NonNullable<Awaited<ReturnType<typeof findStaffCase>>>;
export type StaffCaseAssignee = NonNullable<StaffCase["assignees"]>[number];

/** The case's version (the workspace polls it), or null for a malformed or unknown number. */
export async function findStaffCaseVersion(viewer: Viewer, rawNumber: string): Promise<number | null> {
  assertArea(viewer, "console");
  const parsed = validateApplicationNumber(rawNumber);
  if (!parsed.ok) return null;
  const row = await db.application.findUnique({
    where: { number: parsed.number },
    select: { version: true },
  });
  return row?.version ?? null;
}

/** Only claiming depends on the handled services, and only this case's service matters for it. */
async function withHandledServices(viewer: Viewer, serviceId: string): Promise<WorkflowViewer> {
  if (viewer.role !== "REVIEWER") return { id: viewer.id, role: viewer.role };
  const handles = await db.staffService.findUnique({
    where: { userId_serviceId: { userId: viewer.id, serviceId } },
    select: { userId: true },
  });
  return { id: viewer.id, role: viewer.role, handledServiceIds: handles ? [serviceId] : [] };
}

/**
 * Who a supervisor may hand the case to, as assignCase accepts them: active reviewers who handle
 * the service, and active supervisors. With their open cases, to spread the work.
 */
async function listEligibleAssignees(serviceId: string) {
  const staff = await db.user.findMany({
    where: {
      active: true,
      OR: [{ role: "SUPERVISOR" }, { role: "REVIEWER", handledServices: { some: { serviceId } } }],
    },
    orderBy: [{ role: "asc" }, { displayName: "asc" }, { id: "asc" }],
    take: ASSIGNEE_LIMIT,
    select: {
      id: true,
      displayName: true,
      role: true,
      _count: { select: { assignedCases: { where: { closedAt: null } } } },
    },
  });
  return staff.map(({ _count, ...user }) => ({ ...user, openCases: _count.assignedCases }));
}
