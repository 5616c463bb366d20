import { createHash } from "node:crypto";
import type { PaymentProvider, PaymentRequest, PaymentResult, RefundRequest, RefundResult } from "./provider";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * "PAY-XXXXX-XXXXX": derived from the idempotency key, so asking twice gives the same reference,
 * which is what makes a retried payment recognisable as the same one (and the column is unique).
 * 50 bits of SHA-256; Crockford symbols, easy to read out at a counter.
 */
export function paymentReferenceFor(idempotencyKey: string): string {
  return `PAY-${referenceSymbols(`expedite-offline-payment:${idempotencyKey}`)}`;
}

/** "RFD-XXXXX-XXXXX": the same derivation, so a retried refund gets the reference of the first. */
export function refundReferenceFor(idempotencyKey: string): string {
  return `RFD-${referenceSymbols(`expedite-offline-refund:${idempotencyKey}`)}`;
}

function referenceSymbols(seed: string): string {
  const digest = createHash("sha256").update(seed, "utf8").digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 7)) bits = (bits << 8n) | BigInt(byte);
  let symbols = "";
  for (let index = 0; index < 10; index++)
    symbols += ALPHABET.charAt(Number((bits >> BigInt(index * 5)) & 31n));
  return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}

const REFERENCE_PATTERN = /^PAY-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

/**
 * No money moves: "online" is a simulation that succeeds at once; "counter" issues a reference the
 * applicant quotes when paying in person, and staff confirm it later.
 */
export function offlinePaymentProvider(now: () => Date = () => new Date()): PaymentProvider {
  return {
    id: "offline",
    async createPayment(request: PaymentRequest): Promise<PaymentResult> {
      if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor < 0)
        throw new RangeError("amountMinor must be a non-negative integer");
      const reference = paymentReferenceFor(request.idempotencyKey);
      if (request.method === "counter") return { status: "PENDING", provider: "counter", reference };
      return { status: "PAID", provider: "simulated", reference, paidAt: now() };
    },
    async confirm(reference: string, options: { receivedAt?: Date } = {}): Promise<PaymentResult> {
      if (!REFERENCE_PATTERN.test(reference))
        throw new RangeError(`Not an offline payment reference: ${reference}`);
      return { status: "PAID", provider: "counter", reference, paidAt: options.receivedAt ?? now() };
    },
    // Records the refund (the reference is the record): the money goes back by hand, the way it came.
    async refund(request: RefundRequest): Promise<RefundResult> {
      if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0)
        throw new RangeError("amountMinor must be a positive integer");
      const reference = refundReferenceFor(request.idempotencyKey);
      return { status: "REFUNDED", provider: "offline", reference, refundedAt: now() };
    },
  };
}

/** The provider the app uses; one place to swap in a real gateway. `now`: the caller's clock. */
export function defaultPaymentProvider(now?: () => Date): PaymentProvider {
  return offlinePaymentProvider(now);
}
