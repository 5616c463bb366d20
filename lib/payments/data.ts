import "server-only";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

/** What the pay and receipt pages show; null unless the viewer filed the application. */
export async function findOwnPayment(viewer: Viewer, number: string) {
  assertArea(viewer, "portal");
  return db.application.findFirst({
    where: { number, applicantId: viewer.id },
    select: {
      number: true,
      tier: true,
      status: true,
      applicantName: true,
      submittedAt: true,
      caseDueAt: true,
      feeBaseMinor: true,
      feeSurchargeMinor: true,
      currency: true,
      paymentStatus: true,
      paymentProvider: true,
      paymentReference: true,
      paidAt: true,
      service: { select: { code: true, nameZh: true, nameEn: true } },
    },
  });
}

export type OwnPayment = NonNullable<Awaited<ReturnType<typeof findOwnPayment>>>;
