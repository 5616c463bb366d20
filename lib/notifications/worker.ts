import "server-only";
import { deleteIdleRateLimits } from "@/lib/rate-limit/mutations";
import { assignWaitingCases } from "@/lib/rota/waiting-mutations";
import { runOverdueWatch } from "@/lib/sla/mutations";
import { deliverySettings, providersFromEnv, type DeliverySettings } from "./delivery";
import {
  claimDueNotifications,
  markInAppDelivered,
  markNotificationSent,
  recordNotificationFailure,
  type ClaimedNotification,
} from "./outbox-mutations";
import { messageIdFor, type Providers } from "./providers";
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
/** The overdue watch (lib/sla) and the pick-up of cases waiting for someone on duty (lib/rota) ride on this loop, once a minute rather than on every 2 s poll. */
export const WATCH_INTERVAL_MS = 60_000;

export type WorkerLog = (level: "info" | "warn" | "error", message: string) => void;

export type RunOptions = {
  providers: Providers;
  /** Tests move the clock; otherwise the current time. */
  now?: Date;
  batchSize?: number;
  settings?: DeliverySettings;
  log?: WorkerLog;
};

export type RunSummary = { claimed: number; sent: number; retrying: number; failed: number; inApp: number };

type Outcome = "sent" | "retrying" | "failed" | "lost";

/** One pass: marks in-app rows, claims one batch of due email/SMS rows and delivers them. */
export async function runOutboxOnce(options: RunOptions): Promise<RunSummary> {
  const now = options.now ?? new Date();
  const log = options.log ?? defaultLog;
  const settings = options.settings ?? deliverySettings();
  const inApp = await markInAppDelivered({ now, limit: 500 });
  const claimed = await claimDueNotifications({
    now,
    limit: options.batchSize ?? BATCH_SIZE,
    leaseMs: LEASE_MS,
  });
  // In parallel: the lease covers one send's duration, not a batch's.
  const outcomes = await Promise.allSettled(
    claimed.map((row) => deliver(row, { ...options, now, log, settings })),
  );
  const summary: RunSummary = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0, inApp };
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
      await providers.sms.send({ notificationId: row.id, to: row.toAddress, text: message.sms });
    }
  } catch (error) {
    const permanent = error instanceof TemplateError || (error instanceof DeliveryError && error.permanent);
    const final = permanent || row.attempts >= MAX_ATTEMPTS;
    const lastError = describeFailure(error);
    const recorded = await recordNotificationFailure(row, {
      lastError,
      final,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)),
    });
    log(
      final ? "error" : "warn",
      `notification ${row.id} (${row.template}, ${row.channel}) attempt ${row.attempts}: ${lastError}${final ? " (given up)" : ""}`,
    );
    if (!recorded) return lost(row, log);
    return final ? "failed" : "retrying";
  }
  // The window for a duplicate: sent, but not (yet) marked. A crash here resends after the lease.
  return (await markNotificationSent(row, now)) ? "sent" : lost(row, log);
}

function lost(row: ClaimedNotification, log: WorkerLog): Outcome {
  log(
    "warn",
    `notification ${row.id}: the lease ran out and another worker took it over; its outcome stands`,
  );
  return "lost";
}

const defaultLog: WorkerLog = (level, message) => console[level](`[notifications] ${message}`);

export type WorkerHandle = { stop: () => Promise<void> };

async function watchOnce(log: WorkerLog) {
  try {
    const { warned, escalated, deadlineRisks } = await runOverdueWatch();
    if (warned + escalated + deadlineRisks > 0)
      log("info", `overdue watch: warned ${warned}, escalated ${escalated}, deadline risks ${deadlineRisks}`);
  } catch (error) {
    // Like a failed pass: the flags are unset, so the next run (a minute on) tries again.
    log("error", `overdue watch failed: ${describeFailure(error)}`);
  }
  try {
    const assigned = await assignWaitingCases();
    if (assigned > 0) log("info", `rota: ${assigned} case(s) waiting for someone on duty assigned`);
  } catch (error) {
    // The cases stay flagged in the supervisors' queue; the next run tries again.
    log("error", `assigning waiting cases failed: ${describeFailure(error)}`);
  }
  try {
    // Whole-again limiter keys mean the same as none; without this the table grows with every address.
    await deleteIdleRateLimits(new Date());
  } catch (error) {
    log("error", `dropping idle rate-limit keys failed: ${describeFailure(error)}`);
  }
}

type WorkerOptions = {
  intervalMs?: number;
  batchSize?: number;
  providers?: Providers;
  log?: WorkerLog;
  /** How often the overdue watch runs; null turns it off. */
  watchIntervalMs?: number | null;
};

/**
 * Runs passes every `intervalMs` (immediately again while batches come back full) until stopped,
 * and the overdue watch every `watchIntervalMs` before a pass, so its notices leave at once.
 * stop() lets the current pass finish (its messages are sent and marked), then resolves.
 */
export function startOutboxWorker(options: WorkerOptions = {}): WorkerHandle {
  const intervalMs = options.intervalMs ?? 2_000;
  const watchIntervalMs = options.watchIntervalMs === undefined ? WATCH_INTERVAL_MS : options.watchIntervalMs;
  let lastWatch = -Infinity;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const log = options.log ?? defaultLog;
  const providers = options.providers ?? providersFromEnv();
  let stopping = false;
  let wake: (() => void) | null = null;

  const finished = (async () => {
    while (!stopping) {
      let full = false;
      if (watchIntervalMs !== null && Date.now() - lastWatch >= watchIntervalMs) {
        lastWatch = Date.now();
        await watchOnce(log);
      }
      try {
        const summary = await runOutboxOnce({ providers, batchSize, log });
        full = summary.claimed === batchSize;
        if (summary.claimed > 0)
          log("info", `sent ${summary.sent}, retrying ${summary.retrying}, failed ${summary.failed}`);
      } catch (error) {
        // The database may be restarting: keep polling, the rows wait in the outbox.
        log("error", `pass failed: ${describeFailure(error)}`);
      }
      if (!full && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, intervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }
    providers.email.close?.();
    providers.sms.close?.();
  })();

  return {
    stop: async () => {
      stopping = true;
      (wake as (() => void) | null)?.();
      await finished;
    },
  };
}
