/**
 * The seam to whatever takes and returns the money. The app records outcomes (mutations.ts,
 * refund-mutations.ts); a provider only moves it. A real gateway implements the same interface; until then the offline provider
 * (offline-provider.ts) simulates online payment and issues references for paying at the counter.
 */

export const PAYMENT_METHODS = ["online", "counter"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export type PaymentRequest = {
  /**
   * Same key, same payment: a provider must never charge twice for one key. The app passes one key
   * per application, so a double click or a retry cannot double-charge.
   */
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  method: PaymentMethod;
  /** Shown on the provider's side (statement line, counter slip): the application number. */
  description: string;
};

export type PaymentResult =
  /** Money received. `provider` is what the receipt names ("simulated", "counter", a gateway id). */
  | { status: "PAID"; provider: string; reference: string; paidAt: Date }
  /** Not paid yet: the applicant still has to act (e.g. pay at the counter quoting the reference). */
  | { status: "PENDING"; provider: string; reference: string };

export type RefundRequest = {
  /**
   * Same key, same refund: a provider must never pay one key out twice. The app passes one key per
   * case and cause ("refund:<application id>:<cause>") and repeats it on every retry.
   */
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  /** The payment the money goes back to (its provider reference), when the case has one. */
  paymentReference: string | null;
  /** Shown on the provider's side: the application number. */
  description: string;
};

/** Money on its way back; `reference` is what the receipt names. */
export type RefundResult = { status: "REFUNDED"; provider: string; reference: string; refundedAt: Date };

export interface PaymentProvider {
  readonly id: string;
  createPayment(request: PaymentRequest): Promise<PaymentResult>;
  /** Asks again about a payment created earlier, e.g. once the counter has taken the money. */
  confirm(reference: string, options?: { receivedAt?: Date }): Promise<PaymentResult>;
  /** Pays money back. Throws when it cannot; the caller retries later with the same key. */
  refund(request: RefundRequest): Promise<RefundResult>;
}
