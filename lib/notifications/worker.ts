import "server-only";
import { deliverySettings, type DeliverySettings } from "./delivery";
import { nextHeldRelease, supersedeOlderMessages } from "./burst-mutations";
import {
  NO_COLLAPSE,
  claimDueNotifications,
  markInAppDelivered,
  markNotificationSent,
  markProviderAttempt,
  recordNotificationFailure,
  type ClaimedNotification,
} from "./outbox-mutations";
import { messageIdFor, type Providers, type SmsReceipt } from "./providers";
import { renderNotification } from "./render";
import { DeliveryError, MAX_ATTEMPTS, describeFailure, retryDelayMs } from "./retry-policy";
import { TemplateError } from "./templates";

/**
 * How long a claimed row stays invisible to other workers. Far longer than one send can take (the
 * SMTP provider's timeouts add up to about a minute), so in practice only a worker that died
 * loses its rows to another: see docs/decisions/005-notification-outbox.md.
 */
export const LEASE_MS = 10 * 60_000;
export const BATCH_SIZE = 10;
/** In-app rows marked delivered per pass (a bulk UPDATE; no sending). */
export const IN_APP_BATCH_SIZE = 500;

export type WorkerLog = (level: "info" | "warn" | "error", message: string) => void;

export type RunOptions = {
  providers: Providers;
  /** Tests move the clock; otherwise the current time. */
  now?: Date;
  batchSize?: number;
  settings?: DeliverySettings;
  log?: WorkerLog;
};

export type RunSummary = {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  inApp: number;
  /** Informational messages a newer one took the place of (decision 027). */
  superseded: number;
  /** When the earliest held message may leave; null when none is held. */
  nextHeldAt: Date | null;
};

type Outcome = "sent" | "retrying" | "failed" | "lost";

/**
 * One pass: marks in-app rows, claims one batch of due email/SMS rows and delivers them. The job
 * worker's relay task (lib/jobs/tasks.ts) runs passes until a batch comes back short.
 */
export async function runOutboxOnce(options: RunOptions): Promise<RunSummary> {
  const now = options.now ?? new Date();
  const log = options.log ?? defaultLog;
  const settings = options.settings ?? deliverySettings();
  const inApp = await markInAppDelivered({ now, limit: IN_APP_BATCH_SIZE });
  const burst = settings.burst ?? NO_COLLAPSE;
  const limit = options.batchSize ?? BATCH_SIZE;
  const claimed = await claimDueNotifications({ now, limit, leaseMs: LEASE_MS, burst });
  // After the claim: what it just took is no longer held, so the older messages it replaces go now.
  const superseded =
    burst.quietWindowMs > 0 ? await supersedeOlderMessages({ now, limit: IN_APP_BATCH_SIZE }) : 0;
  // In parallel: the lease covers one send's duration, not a batch's.
  const outcomes = await Promise.allSettled(
    claimed.map((row) => deliver(row, { ...options, now, log, settings })),
  );
  const summary: RunSummary = {
    claimed: claimed.length,
    sent: 0,
    retrying: 0,
    failed: 0,
    inApp,
    superseded,
    nextHeldAt: burst.quietWindowMs > 0 ? await nextHeldRelease(burst) : null,
  };
  outcomes.forEach((result, index) => {
    if (result.status === "fulfilled") {
      if (result.value !== "lost") summary[result.value] += 1;
    } else {
      // Recording the outcome failed (database gone?): the lease expires and the row is tried again.
      log(
        "error",
        `notification ${claimed[index]!.id}: could not record the outcome: ${describeFailure(result.reason)}`,
      );
    }
  });
  return summary;
}

async function deliver(
  row: ClaimedNotification,
  context: Required<Omit<RunOptions, "batchSize">>,
): Promise<Outcome> {
  const { providers, now, log, settings } = context;
  let receipt: SmsReceipt;
  try {
    if (!row.toAddress) throw new DeliveryError("no address to deliver to", true);
    const message = renderNotification({
      template: row.template,
      locale: row.locale,
      payload: row.payload,
      appUrl: settings.appUrl,
      timeZone: settings.timeZone,
    });
    if (row.channel === "EMAIL") {
      receipt = { provider: providers.email.name, providerMessageId: null };
      await providers.email.send({
        notificationId: row.id,
        messageId: messageIdFor(row.id, settings.from),
        to: row.toAddress,
        locale: message.locale,
        subject: message.title,
        text: message.text,
        html: message.html,
      });
    } else {
      receipt = (await providers.sms.send({
        notificationId: row.id,
        to: row.toAddress,
        text: message.sms,
        template: row.template,
        locale: message.locale,
        params: message.smsParams,
        skipProviders: row.uncertainProviders,
        beforeAttempt: (provider) => markProviderAttempt(row, provider),
      })) ?? { provider: providers.sms.name, providerMessageId: null };
    }
  } catch (error) {
    const permanent = error instanceof TemplateError || (error instanceof DeliveryError && error.permanent);
    const final = permanent || row.attempts >= MAX_ATTEMPTS;
    const lastError = describeFailure(error);
    const recorded = await recordNotificationFailure(row, {
      lastError,
      final,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)),
      uncertainProviders: error instanceof DeliveryError ? error.uncertainProviders : [],
    });
    log(
      final ? "error" : "warn",
      `notification ${row.id} (${row.template}, ${row.channel}) attempt ${row.attempts}: ${lastError}${final ? " (given up)" : ""}`,
    );
    if (!recorded) return lost(row, log);
    return final ? "failed" : "retrying";
  }
  // The window for a duplicate: sent, but not (yet) marked. A crash here resends an email after the
  // lease; an SMS provider without idempotency is skipped then (markProviderAttempt, decision 033).
  return (await markNotificationSent(row, now, receipt)) ? "sent" : lost(row, log);
}

function lost(row: ClaimedNotification, log: WorkerLog): Outcome {
  log(
    "warn",
    `notification ${row.id}: the lease ran out and another worker took it over; its outcome stands`,
  );
  return "lost";
}

const defaultLog: WorkerLog = (level, message) => console[level](`[notifications] ${message}`);
