import "server-only";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { findActiveService } from "@/lib/catalog/data";
import type { NextDueInput } from "@/lib/cases/next-due";
import { nodeTargetsFor, SERVICE_NODE_TARGETS } from "@/lib/catalog/node-targets";
import { simpleProgress } from "@/lib/workflow/progress";

export const PAGE_SIZE = 20;

/**
 * An applicant's own cases, newest first, one page at a time; the filter on applicantId is the
 * authorization. Progress comes from the current node alone, so the list never loads timelines.
 */
export async function listOwnApplications(viewer: Viewer, page = 1) {
  assertArea(viewer, "portal");
  const safePage = Number.isFinite(page) ? Math.max(1, Math.floor(page)) : 1;
  const skip = (safePage - 1) * PAGE_SIZE;
  const [rows, total] = await Promise.all([
    db.application.findMany({
      where: { applicantId: viewer.id },
      // The id breaks ties so that pages never overlap or skip a case.
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take: PAGE_SIZE,
      select: {
        id: true,
        number: true,
        tier: true,
        status: true,
        currentNode: true,
        nodeDueAt: true,
        caseDueAt: true,
        submittedAt: true,
        paymentStatus: true,
        nodeEnteredAt: true,
        slaEscalatedAt: true,
        service: {
          select: { nameZh: true, nameEn: true, requiresExpertReview: true, ...SERVICE_NODE_TARGETS },
        },
        supplementRequests: {
          where: { status: "OPEN" },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { dueAt: true },
        },
      },
    }),
    db.application.count({ where: { applicantId: viewer.id } }),
  ]);
  const items = rows.map(({ supplementRequests, nodeEnteredAt, slaEscalatedAt, ...row }) => ({
    ...row,
    /** What nextDueOf needs, so the list says what the case page says. */
    due: {
      status: row.status,
      currentNode: row.currentNode,
      nodeDueAt: row.nodeDueAt,
      openSupplementDueAt: supplementRequests[0]?.dueAt ?? null,
      slaEscalatedAt,
      nodeEnteredAt,
      targetMinutes: nodeTargetsFor(row.service.tiers, row.tier)[row.currentNode] ?? null,
    } satisfies NextDueInput,
    progress: simpleProgress({
      currentNode: row.currentNode,
      status: row.status,
      requiresExpertReview: row.service.requiresExpertReview,
    }),
  }));
  return { items, total, page: safePage, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export type ServiceForApplying = NonNullable<Awaited<ReturnType<typeof findActiveService>>>;

/**
 * The one ownership rule for an applicant's reads by application number: only their own case,
 * and anyone else's looks exactly like a missing one.
 */
export function ownApplicationWhere(viewer: Viewer, number: string) {
  assertArea(viewer, "portal");
  return { number, applicantId: viewer.id };
}

/** The fee lines every applicant page about one case shows. */
export const FEE_SUMMARY_SELECT = {
  number: true,
  tier: true,
  submittedAt: true,
  caseDueAt: true,
  feeBaseMinor: true,
  feeSurchargeMinor: true,
  currency: true,
  paymentStatus: true,
  service: { select: { code: true, nameZh: true, nameEn: true } },
} as const;

/** What the confirmation page shows; null unless the viewer filed the application. */
export async function findOwnApplicationConfirmation(viewer: Viewer, number: string) {
  return db.application.findFirst({
    where: ownApplicationWhere(viewer, number),
    select: {
      ...FEE_SUMMARY_SELECT,
      currentNode: true,
      status: true,
      nodeDueAt: true,
      scheduledStartAt: true,
      submissionKey: true,
      email: true,
    },
  });
}
