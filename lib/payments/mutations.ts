import "server-only";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { quoteFee } from "@/lib/catalog/fees";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defaultPaymentProvider } from "./offline-provider";
import type { PaymentMethod, PaymentProvider, PaymentResult } from "./provider";

type Tx = Prisma.TransactionClient;
export type PaymentOutcome = { number: string; outcome: "paid" | "alreadyPaid" | "pending" };

// Lost version races are retried; this many in a row means something keeps writing the case.
const MAX_ATTEMPTS = 3;
const CLOSED_WITHOUT_RESULT = ["WITHDRAWN", "REJECTED"];

/**
 * Pays for the viewer's own application through the provider and records the outcome. Paying twice
 * never charges twice: the provider gets one idempotency key per application, and recording only
 * changes an UNPAID case (under its version check), so a second call finds it paid and stops.
 */
export async function payApplication(
  viewer: Viewer,
  input: { number: string; method: PaymentMethod },
  options: { provider?: PaymentProvider; ip?: string | null } = {},
): Promise<PaymentOutcome> {
  assertArea(viewer, "portal");
  const application = await db.application.findFirst({
    where: { number: input.number, applicantId: viewer.id },
    select: {
      id: true,
      number: true,
      status: true,
      paymentStatus: true,
      feeBaseMinor: true,
      feeSurchargeMinor: true,
      currency: true,
    },
  });
  if (!application) throw new UserFacingError("payment.errors.notFound");
  if (application.paymentStatus !== "UNPAID") return { number: application.number, outcome: "alreadyPaid" };
  if (CLOSED_WITHOUT_RESULT.includes(application.status)) throw new UserFacingError("payment.errors.closed");

  // The amount comes from the fee fixed at submission, never from the page.
  const fee = quoteFee({
    baseFeeMinor: application.feeBaseMinor,
    surchargeMinor: application.feeSurchargeMinor,
  });
  const result = await (options.provider ?? defaultPaymentProvider()).createPayment({
    idempotencyKey: `application:${application.id}`,
    amountMinor: fee.totalMinor,
    currency: application.currency,
    method: input.method,
    description: application.number,
  });
  return recordPaymentResult(viewer, application.id, result, { ip: options.ip, amountMinor: fee.totalMinor });
}

async function recordPaymentResult(
  viewer: Viewer,
  applicationId: string,
  result: PaymentResult,
  context: { ip?: string | null; amountMinor: number },
): Promise<PaymentOutcome> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await db.$transaction((tx) => recordOnce(tx, viewer, applicationId, result, context));
    if (outcome !== "conflict") return outcome;
    if (attempt >= MAX_ATTEMPTS) throw new UserFacingError("payment.errors.conflict");
  }
}

async function recordOnce(
  tx: Tx,
  viewer: Viewer,
  applicationId: string,
  result: PaymentResult,
  context: { ip?: string | null; amountMinor: number },
): Promise<PaymentOutcome | "conflict"> {
  const application = await tx.application.findFirst({
    where: { id: applicationId, applicantId: viewer.id },
    select: {
      number: true,
      version: true,
      currentNode: true,
      paymentStatus: true,
      paymentProvider: true,
      paymentReference: true,
      email: true,
      locale: true,
      currency: true,
    },
  });
  if (!application) throw new UserFacingError("payment.errors.notFound");
  const { number } = application;
  if (application.paymentStatus !== "UNPAID") return { number, outcome: "alreadyPaid" };
  const unchangedSince = {
    id: applicationId,
    version: application.version,
    paymentStatus: "UNPAID" as const,
  };
  const audit = {
    actorId: viewer.id,
    entityType: "application",
    entityId: applicationId,
    ip: context.ip ?? null,
  };
  const details = {
    number,
    provider: result.provider,
    reference: result.reference,
    amountMinor: context.amountMinor,
    currency: application.currency,
  };

  if (result.status === "PENDING") {
    if (application.paymentProvider === result.provider && application.paymentReference === result.reference)
      return { number, outcome: "pending" };
    const { count } = await tx.application.updateMany({
      where: unchangedSince,
      data: {
        paymentProvider: result.provider,
        paymentReference: result.reference,
        version: { increment: 1 },
      },
    });
    if (count === 0) return "conflict";
    await tx.auditLog.create({ data: { ...audit, action: "payment.pending", details } });
    return { number, outcome: "pending" };
  }

  const { count } = await tx.application.updateMany({
    where: unchangedSince,
    data: {
      paymentStatus: "PAID",
      paidAt: result.paidAt,
      paymentProvider: result.provider,
      paymentReference: result.reference,
      version: { increment: 1 },
    },
  });
  if (count === 0) return "conflict";
  await tx.timelineEvent.create({
    data: {
      applicationId,
      node: application.currentNode,
      action: "PAYMENT_RECORDED",
      actorId: viewer.id,
      occurredAt: result.paidAt,
    },
  });
  await tx.auditLog.create({ data: { ...audit, action: "payment.recorded", details } });
  const payload = {
    number,
    reference: result.reference,
    amountMinor: context.amountMinor,
    currency: application.currency,
  };
  await tx.notification.createMany({
    data: [
      {
        recipientId: viewer.id,
        applicationId,
        channel: "IN_APP",
        template: "payment.recorded",
        locale: application.locale,
        payload,
      },
      {
        recipientId: viewer.id,
        applicationId,
        channel: "EMAIL",
        template: "payment.recorded",
        locale: application.locale,
        payload,
        toAddress: application.email,
      },
    ],
  });
  return { number, outcome: "paid" };
}
