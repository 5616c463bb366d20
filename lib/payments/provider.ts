/**
 * The seam to whatever takes the money. The app records outcomes (mutations.ts); a provider only
 * takes payments. A real gateway implements the same interface; until then the offline provider
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

export interface PaymentProvider {
  readonly id: string;
  createPayment(request: PaymentRequest): Promise<PaymentResult>;
  /** Asks again about a payment created earlier, e.g. once the counter has taken the money. */
  confirm(reference: string, options?: { receivedAt?: Date }): Promise<PaymentResult>;
}
