import "server-only";
import { missingTemplateCodes, type SmsSettings } from "@/lib/config/sms-env";
import { serverEnv } from "@/lib/env";
import { createAliyunSmsProvider } from "./aliyun-sms-provider";
import { devMailboxEmailProvider, devMailboxSmsProvider } from "./dev-mailbox";
import { createHttpSmsProvider } from "./http-sms-provider";
import type { BurstSettings } from "./outbox-mutations";
import type { Providers, SmsProvider } from "./providers";
import { createFailoverSmsProvider } from "./sms-failover";
import { createSmtpEmailProvider } from "./smtp-provider";
import { SMS_TEMPLATE_NAMES } from "./templates";

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

/** SMTP when SMTP_URL is set, else the dev mailbox; SMS as SMS_PROVIDERS says, else the dev mailbox. */
export function providersFromEnv(): Providers {
  const env = serverEnv();
  return {
    email: env.SMTP_URL
      ? createSmtpEmailProvider({ url: env.SMTP_URL, from: env.MAIL_FROM })
      : devMailboxEmailProvider,
    sms: smsProviderFrom(env.sms),
  };
}

/** The configured providers in order, behind the failover (decision 033); none: the dev mailbox. */
export function smsProviderFrom(settings: SmsSettings): SmsProvider {
  if (settings.providers.length === 0) return devMailboxSmsProvider;
  // The worker refuses to start rather than fail these messages one by one later.
  const missing = missingTemplateCodes(settings, SMS_TEMPLATE_NAMES);
  if (missing) throw new Error(`Invalid SMS settings: ${missing}`);
  const chain = settings.providers.map((provider) =>
    provider.kind === "aliyun" ? createAliyunSmsProvider(provider) : createHttpSmsProvider(provider),
  );
  return createFailoverSmsProvider(chain, { timeoutMs: settings.timeoutMs });
}
