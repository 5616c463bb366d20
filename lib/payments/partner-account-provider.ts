import { offlinePaymentProvider, paymentReferenceFor } from "./offline-provider";
import type { PaymentProvider, PaymentRequest, PaymentResult } from "./provider";

/**
 * Cases a partner files through the API (decision 037) are billed to the partner's account: the
 * applicant never signs in to pay, and the partner settles its account outside the app (an invoice).
 * So the fee counts as paid at filing, recorded like any payment (timeline, audit, receipt) with a
 * reference the invoice can quote, and the workflow's paid-before-approval rule holds unchanged.
 * Refunds (decision 031) go through the default provider like every other case's: they are credited
 * back to the account the same way, by hand.
 */
export const PARTNER_ACCOUNT_PROVIDER = "partner-account";

export function partnerAccountProvider(now: () => Date = () => new Date()): PaymentProvider {
  const offline = offlinePaymentProvider(now);
  return {
    id: PARTNER_ACCOUNT_PROVIDER,
    async createPayment(request: PaymentRequest): Promise<PaymentResult> {
      if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor < 0)
        throw new RangeError("amountMinor must be a non-negative integer");
      const reference = paymentReferenceFor(request.idempotencyKey);
      return { status: "PAID", provider: PARTNER_ACCOUNT_PROVIDER, reference, paidAt: now() };
    },
    async confirm(reference: string, options: { receivedAt?: Date } = {}): Promise<PaymentResult> {
      return {
        status: "PAID",
        provider: PARTNER_ACCOUNT_PROVIDER,
        reference,
        paidAt: options.receivedAt ?? now(),
      };
    },
    refund: (request) => offline.refund(request),
  };
}
