import "server-only";
import { saveDevMail } from "./outbox-mutations";
import type { EmailProvider, SmsProvider } from "./providers";

/** Email kept in the dev_mail table (shown at /console/mailbox) when no SMTP server is configured. */
export const devMailboxEmailProvider: EmailProvider = {
  name: "dev-mailbox",
  async send(message) {
    await saveDevMail({
      notificationId: message.notificationId,
      channel: "EMAIL",
      toAddress: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  },
};

/** The default SMS provider when SMS_PROVIDERS is unset: text messages go to the dev mailbox. */
export const devMailboxSmsProvider: SmsProvider = {
  name: "dev-mailbox",
  // One row per notification (saveDevMail ignores a second): sending again makes no second copy.
  idempotent: true,
  async send(message) {
    await saveDevMail({
      notificationId: message.notificationId,
      channel: "SMS",
      toAddress: message.to,
      subject: null,
      text: message.text,
      html: null,
    });
    return { provider: "dev-mailbox", providerMessageId: null };
  },
};
