import "server-only";
import { deleteExpiredApiRateLimits } from "@/lib/api/rate-limit-mutations";
import type { JobHelpers } from "graphile-worker";
import { pruneIdempotencyKeys } from "@/lib/api/applications/idempotency-mutations";
import { sweepEvidence } from "@/lib/evidence/sweep-mutations";
import { runPageEscalation } from "@/lib/paging/mutations";
import { executePendingRefunds } from "@/lib/payments/refund-execution-mutations";
import { BATCH_SIZE, IN_APP_BATCH_SIZE, runOutboxOnce } from "@/lib/notifications/worker";
import type { Providers } from "@/lib/notifications/providers";
import { deleteIdleRateLimits } from "@/lib/rate-limit/mutations";
import { startScheduledCases } from "@/lib/rota/scheduled-mutations";
import { assignWaitingCases } from "@/lib/rota/waiting-mutations";
import { runOverdueWatch } from "@/lib/sla/mutations";
import { runWebhookDeliveryOnce } from "@/lib/webhooks/delivery";
import { runSupplementLapse, runSupplementReminders } from "@/lib/workflow/deadline-mutations";
import type { JobLog } from "./log";

/** What every task gets from the worker that runs it. */
export type TaskContext = {
  providers: Providers;
  log: JobLog;
  /** True once stop() was called: long tasks finish the unit in hand and return. */
  stopping: () => boolean;
  batchSize?: number;
};

/**
 * A job's work. Resolves with a line worth logging (or nothing); throws to fail the job, which
 * graphile-worker then retries with backoff (periodic jobs: see crontab.ts).
 */
export type JobTask = (context: TaskContext, helpers: JobHelpers) => Promise<string | void>;

/**
 * The job that sends the outbox. Added (keyed, so one waits at a time) by the trigger on the
 * notification table in the same transaction as each email or text message (migration
 * 20261206100000), and once a minute by the crontab for retries that fall due and anything missed.
 */
export const RELAY_OUTBOX = "relay-outbox";

/** The key of the one delayed wake-up for held messages (apart from the immediate one's key). */
export const RELAY_HELD = "relay-outbox-held";

/**
 * Passes until a batch comes back short. Concurrent relays (several workers, or a wake-up while
 * one runs) share the rows through the outbox's own claim (FOR UPDATE SKIP LOCKED and a lease,
 * decision 005), so none is sent twice.
 */
export const relayOutbox: JobTask = async (context, helpers) => {
  const batchSize = context.batchSize ?? BATCH_SIZE;
  const total = { sent: 0, retrying: 0, failed: 0, superseded: 0 };
  let nextHeldAt: Date | null = null;
  for (;;) {
    const pass = await runOutboxOnce({ providers: context.providers, batchSize, log: context.log });
    total.sent += pass.sent;
    total.retrying += pass.retrying;
    total.failed += pass.failed;
    total.superseded += pass.superseded;
    nextHeldAt = pass.nextHeldAt;
    const more = pass.claimed === batchSize || pass.inApp === IN_APP_BATCH_SIZE;
    if (!more) break;
    if (context.stopping()) {
      // Hand the rest to a worker that is not shutting down.
      await helpers.addJob(RELAY_OUTBOX, {}, { jobKey: RELAY_OUTBOX, maxAttempts: 3 });
      break;
    }
  }
  // Held messages (decision 027) leave when their case goes quiet: wake a relay then, not a minute later.
  if (nextHeldAt)
    await helpers.addJob(RELAY_OUTBOX, {}, { jobKey: RELAY_HELD, runAt: nextHeldAt, maxAttempts: 3 });
  if (total.sent + total.retrying + total.failed + total.superseded > 0)
    return `sent ${total.sent}, retrying ${total.retrying}, failed ${total.failed}${total.superseded ? `, superseded ${total.superseded}` : ""}`;
};

// The periodic tasks below each do what is due at the moment they run, whatever slot
// (payload._cron.ts) they were scheduled for: running a slot late (a backfill) or twice changes
// nothing one run would not, and their own row locks keep concurrent runs apart (decision 007).

export const overdueWatch: JobTask = async () => {
  const { warned, escalated, deadlineRisks } = await runOverdueWatch();
  if (warned + escalated + deadlineRisks > 0)
    return `overdue watch: warned ${warned}, escalated ${escalated}, deadline risks ${deadlineRisks}`;
};

/** Reminders before a supplement's due time, then the lapse of those that passed (decision 034). */
export const supplementDeadlines: JobTask = async () => {
  const now = new Date();
  const reminded = await runSupplementReminders({ now });
  const lapsed = await runSupplementLapse({ now });
  if (reminded + lapsed > 0) return `supplements: ${reminded} reminder(s), ${lapsed} lapsed`;
};

export const pageEscalation: JobTask = async () => {
  const escalated = await runPageEscalation();
  if (escalated > 0) return `paging: ${escalated} unacknowledged page(s) escalated to the supervisor on duty`;
};

export const assignWaiting: JobTask = async () => {
  const assigned = await assignWaitingCases();
  if (assigned > 0) return `rota: ${assigned} case(s) waiting for someone on duty assigned`;
};

/** Night-time cases whose day shift has started (decision 035): timed from then and assigned. */
export const startScheduled: JobTask = async () => {
  const started = await startScheduledCases();
  if (started > 0) return `rota: ${started} scheduled case(s) started`;
};

export const dropIdleRateLimits: JobTask = async () => {
  // Whole-again limiter keys mean the same as none; without this the table grows with every address.
  const now = new Date();
  const dropped = (await deleteIdleRateLimits(now)) + (await deleteExpiredApiRateLimits(now));
  if (dropped > 0) return `rate limits: ${dropped} idle key(s) dropped`;
};

/** Idempotency-Key answers of the partner API older than their retention (decision 037). */
export const pruneApiIdempotency: JobTask = async () => {
  const pruned = await pruneIdempotencyKeys(new Date());
  if (pruned > 0) return `api idempotency: ${pruned} old key(s) pruned`;
};

/** Drafts never submitted (decision 003) and objects no row points at (decision 019), a batch per pass. */
export const sweepEvidenceFiles: JobTask = async (context) => {
  const total = { staleDrafts: 0, orphans: 0 };
  for (;;) {
    const pass = await sweepEvidence({ now: new Date() });
    total.staleDrafts += pass.staleDrafts;
    total.orphans += pass.orphans;
    if (!pass.more || context.stopping()) break;
  }
  if (total.staleDrafts + total.orphans > 0)
    return `evidence sweep: ${total.staleDrafts} stale draft(s), ${total.orphans} orphan object(s) removed`;
};

/**
 * Refunds recorded PENDING (decision 031): woken by the trigger on the refund table in the same
 * transaction as each one, and every minute for retries that fall due and a lost wake-up. The
 * claim (FOR UPDATE SKIP LOCKED and a lease) keeps concurrent runs apart.
 */
export const executeRefunds: JobTask = async (context) => {
  const total = { done: 0, retrying: 0 };
  for (;;) {
    const pass = await executePendingRefunds({
      now: new Date(),
      onError: (refundId, error) =>
        context.log(
          "warn",
          `refund ${refundId} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
    });
    total.done += pass.done;
    total.retrying += pass.retrying;
    if (pass.done + pass.retrying === 0 || context.stopping()) break;
  }
  if (total.done + total.retrying > 0) return `refunds: ${total.done} paid out, ${total.retrying} retrying`;
};

/**
 * The task that delivers webhooks (lib/webhooks). Added, keyed, by the trigger on webhook_delivery
 * in the same transaction as each new or redelivered one (migration 20261209130000), and once a
 * minute by the crontab for retries that fall due. Passes until one claims nothing: each pass
 * takes at most one event per endpoint and case, so a case's next event goes right after the last.
 * Concurrent runs share rows through the claim (FOR UPDATE SKIP LOCKED and a lease).
 */
export const DELIVER_WEBHOOKS = "deliver-webhooks";

export const deliverWebhooks: JobTask = async (context, helpers) => {
  const total = { delivered: 0, retrying: 0, disabled: 0 };
  for (;;) {
    const pass = await runWebhookDeliveryOnce({ log: context.log });
    total.delivered += pass.delivered;
    total.retrying += pass.retrying;
    total.disabled += pass.disabled;
    if (pass.claimed === 0) break;
    if (context.stopping()) {
      await helpers.addJob(DELIVER_WEBHOOKS, {}, { jobKey: DELIVER_WEBHOOKS, maxAttempts: 3 });
      break;
    }
  }
  if (total.delivered + total.retrying + total.disabled > 0)
    return `webhooks: ${total.delivered} delivered, ${total.retrying} retrying${total.disabled ? `, ${total.disabled} endpoint(s) disabled` : ""}`;
};
