import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import type { EmailProvider, OutgoingEmail } from "./providers";
import { classifySmtpError } from "./retry-policy";

const CONTENT_LANGUAGE = { en: "en", zh: "zh-CN" } as const;

/**
 * Email over SMTP (SMTP_URL, e.g. smtp://user:pass@host:587; smtps:// for implicit TLS). Timeouts
 * are short and bounded so a hung server cannot hold a claimed message longer than its lease.
 */
export function createSmtpEmailProvider(options: { url: string; from: string }): EmailProvider {
  const transport = nodemailer.createTransport(
    new SMTPTransport({
      url: options.url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      dnsTimeout: 10_000,
    }),
  );
  return {
    name: "smtp",
    async send(message: OutgoingEmail) {
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
          headers: {
            "Content-Language": CONTENT_LANGUAGE[message.locale],
            "Auto-Submitted": "auto-generated",
          },
        });
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    close: () => transport.close(),
  };
}
