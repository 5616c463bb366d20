import "server-only";
import { serverEnv } from "@/lib/env";
import { webhookRetryDelayMs } from "./backoff";
import {
  claimDueDeliveries,
  markDelivered,
  recordDeliveryFailure,
  type ClaimedDelivery,
} from "./delivery-mutations";
import { postWebhook, type PostResult } from "./http-post";
import { webhookHeaders } from "./signature";
import { checkWebhookUrl, type UrlPolicy } from "./url-guard";

/** Whole exchange with a receiver; the lease is far longer, so only a dead worker loses a row. */
export const TIMEOUT_MS = 10_000;
export const LEASE_MS = 2 * 60_000;
export const BATCH_SIZE = 20;

export type DeliveryLog = (level: "info" | "warn" | "error", message: string) => void;

export type DeliveryOptions = {
  /** Tests move the clock; otherwise the current time. */
  now?: Date;
  batchSize?: number;
  /** Production's address rules or not; by default from NODE_ENV. */
  policy?: UrlPolicy;
  timeoutMs?: number;
  /** In [0, 1): the backoff's jitter (tests fix it). */
  random?: () => number;
  log?: DeliveryLog;
};

export type DeliverySummary = { claimed: number; delivered: number; retrying: number; disabled: number };

export function policyFromEnv(): UrlPolicy {
  const env = serverEnv();
  return { production: env.NODE_ENV === "production", trustedHosts: env.WEBHOOK_TRUSTED_HOSTS };
}

/**
 * One pass: claims a batch of due deliveries and POSTs them in parallel (at most one per endpoint
 * and case, claimDueDeliveries). The job worker's task (lib/jobs/tasks.ts) runs passes until one
 * claims nothing, which also lets a case's next event follow its predecessor at once.
 */
export async function runWebhookDeliveryOnce(options: DeliveryOptions = {}): Promise<DeliverySummary> {
  const now = options.now ?? new Date();
  const claimed = await claimDueDeliveries({
    now,
    limit: options.batchSize ?? BATCH_SIZE,
    leaseMs: LEASE_MS,
  });
  const summary: DeliverySummary = { claimed: claimed.length, delivered: 0, retrying: 0, disabled: 0 };
  const log = options.log ?? defaultLog;
  const outcomes = await Promise.allSettled(claimed.map((row) => deliverOne(row, now, options, log)));
  outcomes.forEach((outcome, index) => {
    if (outcome.status === "fulfilled") {
      if (outcome.value !== "lost") summary[outcome.value] += 1;
    } else {
      // Recording the outcome failed (database gone?): the lease runs out and the row is tried again.
      log(
        "error",
        `webhook delivery ${claimed[index]!.id}: could not record the outcome: ${String(outcome.reason)}`,
      );
    }
  });
  return summary;
}

async function deliverOne(
  row: ClaimedDelivery,
  now: Date,
  options: DeliveryOptions,
  log: DeliveryLog,
): Promise<"delivered" | "retrying" | "disabled" | "lost"> {
  const result = await attempt(row, now, options);
  if (result.ok) return (await markDelivered(row, { now, statusCode: result.status })) ? "delivered" : "lost";
  const random = options.random ?? Math.random;
  const outcome = await recordDeliveryFailure(row, {
    now,
    nextAttemptAt: new Date(now.getTime() + webhookRetryDelayMs(row.attempts, random())),
    statusCode: result.status,
    error: result.error,
  });
  log(
    outcome === "disabled" ? "error" : "warn",
    `webhook delivery ${row.id} (endpoint ${row.endpointId}) attempt ${row.attempts}: ${result.error}${outcome === "disabled" ? " (endpoint disabled after a day of failures)" : ""}`,
  );
  return outcome;
}

/** Checked again now (the name may resolve elsewhere since registration), then sent to that address. */
async function attempt(row: ClaimedDelivery, now: Date, options: DeliveryOptions): Promise<PostResult> {
  const checked = await checkWebhookUrl(row.url, options.policy ?? policyFromEnv());
  if (!checked.ok) return { ok: false, status: null, error: `refused: ${checked.reason}` };
  return postWebhook({
    url: checked.url,
    address: checked.addresses[0]!,
    headers: { ...webhookHeaders(row.secret, row.eventId, now, row.body) },
    body: row.body,
    timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
  });
}

const defaultLog: DeliveryLog = (level, message) => console[level](`[webhooks] ${message}`);
