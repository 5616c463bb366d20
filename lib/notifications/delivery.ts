import "server-only";
import { serverEnv } from "@/lib/env";
import { devMailboxEmailProvider, devMailboxSmsProvider } from "./dev-mailbox";
import type { BurstSettings } from "./outbox-mutations";
import type { Providers } from "./providers";
import { createSmtpEmailProvider } from "./smtp-provider";

/** `burst`: how informational messages about one case collapse (decision 027); none: every one is sent. */
export type DeliverySettings = { appUrl: string; from: string; timeZone?: string; burst?: BurstSettings };

export function deliverySettings(): DeliverySettings {
  const env = serverEnv();
  return {
    appUrl: env.APP_URL,
    from: env.MAIL_FROM,
    timeZone: env.ROTA_TIME_ZONE,
    burst: {
      quietWindowMs: env.NOTIFICATION_QUIET_SECONDS * 1000,
      maxHoldMs: env.NOTIFICATION_MAX_HOLD_SECONDS * 1000,
    },
  };
}

/** SMTP when SMTP_URL is set, else the dev mailbox; SMS always goes to the dev mailbox for now. */
export function providersFromEnv(): Providers {
  const env = serverEnv();
  return {
    email: env.SMTP_URL
      ? createSmtpEmailProvider({ url: env.SMTP_URL, from: env.MAIL_FROM })
      : devMailboxEmailProvider,
    sms: devMailboxSmsProvider,
  };
}
