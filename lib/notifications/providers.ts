import type { Locale } from "@/lib/i18n/config";

/** One email, rendered; messageId is derived from the notification, so a resend carries the same one. */
export type OutgoingEmail = {
  notificationId: string;
  messageId: string;
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  html: string;
};

/**
 * One text message. Template providers (Alibaba Cloud) send `template` with `params`, which they
 * fill into texts registered with them; the others send `text`, rendered here. `skipProviders`: the
 * ones that may already have accepted it (a timeout), never tried again for it (decision 033).
 */
export type OutgoingSms = {
  notificationId: string;
  to: string;
  text: string;
  template: string;
  locale: Locale;
  params: SmsParams;
  skipProviders?: readonly string[];
  /**
   * Called before the request goes to a provider that does not deduplicate: the worker writes down
   * that it may get the message, so a worker that dies mid-send never sends it through it again.
   */
  beforeAttempt?: (provider: string) => Promise<void>;
};

/** What an SMS template may fill in: the public number and, for some, one time. Nothing else. */
/** What a registered SMS template fills in: the number, for some one time, and for a page its acknowledge link. */
export type SmsParams = { number: string; time?: string; link?: string };

/** Who accepted a message and under which id of theirs (recorded on the notification row). */
export type SmsReceipt = { provider: string; providerMessageId: string | null };

/**
 * Sends or throws. A DeliveryError (retry-policy.ts) says whether retrying can help; any other
 * error counts as transient. Resolving means the provider accepted the message.
 */
export interface EmailProvider {
  readonly name: string;
  send(message: OutgoingEmail): Promise<void>;
  close?(): void;
}

/**
 * As EmailProvider; `signal` aborts the request when the failover chain gives up waiting. A
 * provider that resolves without a receipt is recorded under its name with no message id.
 */
export interface SmsProvider {
  readonly name: string;
  /** It honours the notification id as an idempotency key: sending a message again cannot make a second copy. */
  readonly idempotent?: boolean;
  send(message: OutgoingSms, signal?: AbortSignal): Promise<SmsReceipt | void>;
  close?(): void;
}

export type Providers = { email: EmailProvider; sms: SmsProvider };

/** "<notification-id@domain>", the domain taken from the sender (RFC 5322 wants a domain we own). */
export function messageIdFor(notificationId: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? "expedite.local";
  return `<${notificationId}@${domain}>`;
}
