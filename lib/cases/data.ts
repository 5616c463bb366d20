import "server-only";
import { isStaff } from "@/lib/auth/roles";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { quoteFee } from "@/lib/catalog/fees";
import { nodeTargetsFor, SERVICE_NODE_TARGETS } from "@/lib/catalog/node-targets";
import { db } from "@/lib/db";
import { REFUND_SELECT } from "@/lib/payments/data";
import { APPLICANT_VISIBLE_EVENTS } from "./visible-events";
import type { ProgressEvent } from "@/lib/workflow/progress";

/** Newest cases have a handful of events; the bound only keeps a runaway history from flooding the page. */
const TIMELINE_LIMIT = 500;

/**
 * `standardReason`: the event carries a standard explanation written by the system (closed because
 * a supplement was not provided, decision 034), which the page shows in the reader's language.
 */
export type CaseEvent = ProgressEvent & { id: string; standardReason?: "supplementNotProvided" };

/**
 * Everything the applicant's case page shows, or null when the number is malformed, unknown or
 * someone else's (the page answers 404 for all three, so existence is never revealed).
 * Internal notes are not selected at all: they cannot leak through any component.
 */
export async function findOwnCase(viewer: Viewer, rawNumber: string) {
  assertArea(viewer, "portal");
  const parsed = validateApplicationNumber(rawNumber);
  if (!parsed.ok) return null;
  const row = await db.application.findFirst({
    where: { number: parsed.number, applicantId: viewer.id },
    select: {
      id: true,
      number: true,
      applicantId: true,
      assigneeId: true,
      version: true,
      serviceId: true,
      tier: true,
      status: true,
      currentNode: true,
      nodeDueAt: true,
      caseDueAt: true,
      scheduledStartAt: true,
      nodeEnteredAt: true,
      pausedMinutes: true,
      slaEscalatedAt: true,
      submittedAt: true,
      closedAt: true,
      neededBy: true,
      feeBaseMinor: true,
      feeSurchargeMinor: true,
      currency: true,
      paymentStatus: true,
      paidAt: true,
      refundedMinor: true,
      refundedAt: true,
      refunds: REFUND_SELECT,
      rating: true,
      ratingComment: true,
      ratedAt: true,
      service: {
        select: { nameZh: true, nameEn: true, requiresExpertReview: true, ...SERVICE_NODE_TARGETS },
      },
      assignee: { select: { displayName: true } },
      timeline: {
        where: APPLICANT_VISIBLE_EVENTS,
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        take: TIMELINE_LIMIT,
        select: {
          id: true,
          node: true,
          action: true,
          occurredAt: true,
          dueAt: true,
          publicNote: true,
          noteKey: true,
          actor: { select: { displayName: true, role: true } },
        },
      },
      supplementRequests: {
        where: { status: "OPEN" },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: {
          id: true,
          dueAt: true,
          createdAt: true,
          items: { orderBy: { sortOrder: "asc" }, select: { id: true, problem: true, suggestion: true } },
          // Already uploaded answers, so the uploader shows them after a reload.
          files: {
            where: { uploaderId: viewer.id },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { id: true, originalName: true, sizeBytes: true, mimeType: true, kind: true },
          },
        },
      },
    },
  });
  if (!row) return null;

  // A result document uploaded ahead of issuing stays with staff until the case reaches DOCUMENT_ISSUED.
  const resultDocuments =
    row.currentNode === "DOCUMENT_ISSUED"
      ? await db.evidenceFile.findMany({
          where: { applicationId: row.id, kind: "RESULT_DOCUMENT" },
          orderBy: { createdAt: "asc" },
          select: { id: true, originalName: true, sizeBytes: true, createdAt: true },
        })
      : [];

  const {
    timeline,
    supplementRequests,
    feeBaseMinor,
    feeSurchargeMinor,
    rating,
    ratingComment,
    ratedAt,
    assignee,
    service,
    ...rest
  } = row;
  const { tiers, ...serviceNames } = service;
  return {
    ...rest,
    service: serviceNames,
    fee: {
      ...quoteFee({ baseFeeMinor: feeBaseMinor, surchargeMinor: feeSurchargeMinor }),
      currency: row.currency,
    },
    rating: rating === null ? null : { value: rating, comment: ratingComment, ratedAt },
    assigneeName: assignee?.displayName ?? null,
    events: timeline.map((event): CaseEvent => ({
      id: event.id.toString(),
      node: event.node,
      action: event.action,
      occurredAt: event.occurredAt,
      dueAt: event.dueAt,
      publicNote: event.publicNote,
      // Only this key leaves the staff-only note columns: it is the applicant's own explanation.
      ...(event.action === "REJECTED" && event.noteKey === "supplementNotProvided"
        ? { standardReason: "supplementNotProvided" as const }
        : {}),
      actor: event.actor ? { name: event.actor.displayName, staff: isStaff(event.actor.role) } : null,
    })),
    nodeTargets: nodeTargetsFor(tiers, row.tier),
    openSupplement: supplementRequests[0] ?? null,
    resultDocuments,
  };
}

export type OwnCase = NonNullable<Awaited<ReturnType<typeof findOwnCase>>>;

/** The case's version for its applicant (the page polls it), or null for anyone else. */
export async function findOwnCaseVersion(viewer: Viewer, rawNumber: string): Promise<number | null> {
  assertArea(viewer, "portal");
  const parsed = validateApplicationNumber(rawNumber);
  if (!parsed.ok) return null;
  const row = await db.application.findFirst({
    where: { number: parsed.number, applicantId: viewer.id },
    select: { version: true },
  });
  return row?.version ?? null;
}
