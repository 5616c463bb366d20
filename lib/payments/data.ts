import "server-only";
import { FEE_SUMMARY_SELECT, ownApplicationWhere } from "@/lib/applications/data";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

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
    },
  });
}

export type OwnPayment = NonNullable<Awaited<ReturnType<typeof findOwnPayment>>>;
