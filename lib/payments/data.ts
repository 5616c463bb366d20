import "server-only";
import { FEE_SUMMARY_SELECT, ownApplicationWhere } from "@/lib/applications/data";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A case's refunds as the applicant sees them (fee card, receipt), oldest first. */
export const REFUND_SELECT = {
  orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
  select: { id: true, cause: true, amountMinor: true, status: true, completedAt: true, reference: true },
} satisfies Prisma.Application$refundsArgs;

/** What the pay and receipt pages show; null unless the viewer filed the application. */
export async function findOwnPayment(viewer: Viewer, number: string) {
  return db.application.findFirst({
    where: ownApplicationWhere(viewer, number),
    select: {
      ...FEE_SUMMARY_SELECT,
      status: true,
      applicantName: true,
      paymentProvider: true,
      paymentReference: true,
      paidAt: true,
      refunds: REFUND_SELECT,
    },
  });
}

export type OwnPayment = NonNullable<Awaited<ReturnType<typeof findOwnPayment>>>;
