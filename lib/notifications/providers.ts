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

export type OutgoingSms = { notificationId: string; to: string; text: string };

/**
 * Sends or throws. A DeliveryError (retry-policy.ts) says whether retrying can help; any other
 * error counts as transient. Resolving means the provider accepted the message.
 */
export interface EmailProvider {
  readonly name: string;
  send(message: OutgoingEmail): Promise<void>;
  close?(): void;
}

export interface SmsProvider {
  readonly name: string;
  send(message: OutgoingSms): Promise<void>;
  close?(): void;
}

export type Providers = { email: EmailProvider; sms: SmsProvider };

/** "<notification-id@domain>", the domain taken from the sender (RFC 5322 wants a domain we own). */
export function messageIdFor(notificationId: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? "expedite.local";
  return `<${notificationId}@${domain}>`;
}
