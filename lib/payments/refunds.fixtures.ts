import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { PaymentStatus, WorkflowNode } from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { offlinePaymentProvider } from "./offline-provider";
import type { PaymentProvider, RefundRequest } from "./provider";

export const NOW = new Date("2026-12-08T10:00:00Z");
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A paid (by default) express case of 100 + 50 yuan, held by a reviewer, at `node`, due at `caseDueAt`. */
export async function makeCase(
  serviceId: string,
  options: {
    node?: WorkflowNode;
    caseDueAt: Date;
    paymentStatus?: PaymentStatus;
    /** Steps the case went through (timeline), e.g. SUBSTANTIVE_REVIEW: the material check is done. */
    history?: WorkflowNode[];
  },
) {
  const [applicant, reviewer] = await Promise.all([createTestUser("APPLICANT"), createTestUser("REVIEWER")]);
  const application = await createTestApplication({
    applicantId: applicant.id,
    serviceId,
    tier: "EXPRESS",
    locale: "en",
    feeBaseMinor: 10_000,
    feeSurchargeMinor: 5_000,
    currentNode: options.node ?? "DECISION",
    assigneeId: reviewer.id,
    paymentStatus: options.paymentStatus ?? "PAID",
    paidAt: (options.paymentStatus ?? "PAID") === "PAID" ? new Date(NOW.getTime() - 48 * HOUR) : null,
    paymentReference: `PAY-${referenceSuffix()}`,
    caseDueAt: options.caseDueAt,
    submittedAt: new Date(NOW.getTime() - 48 * HOUR),
  });
  for (const [index, node] of (options.history ?? []).entries())
    await db.timelineEvent.create({
      data: {
        applicationId: application.id,
        node,
        action: "ADVANCED",
        occurredAt: new Date(NOW.getTime() - 24 * HOUR + index * MINUTE),
      },
    });
  return { ...application, applicant: applicant as Viewer, reviewer: reviewer as Viewer };
}

let counter = 0;
function referenceSuffix() {
  counter++;
  return `${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The offline provider, counting calls; `failures` calls fail first (a gateway that is down). */
export function countingProvider(failures = 0): PaymentProvider & { refunds: RefundRequest[] } {
  const inner = offlinePaymentProvider(() => NOW);
  const refunds: RefundRequest[] = [];
  let toFail = failures;
  return {
    ...inner,
    refunds,
    async refund(request) {
      refunds.push(request);
      if (toFail-- > 0) throw new Error("gateway unavailable");
      return inner.refund(request);
    },
  };
}

export const refundRows = (applicationId: string) =>
  db.refund.findMany({
    where: { applicationId },
    orderBy: { cause: "asc" },
    select: { cause: true, amountMinor: true, status: true, reference: true, completedAt: true },
  });
