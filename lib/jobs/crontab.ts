import "server-only";
import {
  assignWaiting,
  deliverWebhooks,
  dropIdleRateLimits,
  executeRefunds,
  pruneApiIdempotency,
  overdueWatch,
  pageEscalation,
  relayOutbox,
  supplementDeadlines,
  startScheduled,
  sweepEvidenceFiles,
  type JobTask,
} from "./tasks";

/**
 * A periodic task: `match` is a crontab time (minute hour day-of-month month day-of-week, UTC).
 * graphile-worker schedules each slot once across all workers (the slot is claimed in its
 * known_crontabs table), and at start backfills slots missed in the last `fillMinutes` while no
 * worker ran. A failed periodic job is not retried: the next slot does the same work. The task
 * name is also the crontab identifier: renaming one forgets its history.
 */
export type CronTask = { task: string; match: string; run: JobTask; fillMinutes?: number };

/**
 * Periodic work. Adding a task is one line here, its function living in tasks.ts or its own domain,
 * e.g. `{ task: "nightly-report", match: "0 2 * * *", run: nightlyReport }`.
 */
export const CRONTAB: readonly CronTask[] = [
  { task: "overdue-watch", match: "* * * * *", run: overdueWatch },
  { task: "assign-waiting-cases", match: "* * * * *", run: assignWaiting },
  { task: "supplement-deadlines", match: "* * * * *", run: supplementDeadlines },
  // "Start next morning" cases (decision 035), at the minute their day shift starts.
  { task: "start-scheduled-cases", match: "* * * * *", run: startScheduled },

  // Pages not acknowledged in time page the supervisor on duty (lib/paging, decision 036).
  { task: "page-escalation", match: "* * * * *", run: pageEscalation },
  { task: "drop-idle-rate-limits", match: "* * * * *", run: dropIdleRateLimits },
  // The fallback behind the per-transaction wake-up: retries that fell due, and rows whose wake-up was lost.
  { task: "relay-outbox", match: "* * * * *", run: relayOutbox },
  // Behind the refund table's wake-up (decision 031): retries that fell due, and lost wake-ups.
  { task: "execute-refunds", match: "* * * * *", run: executeRefunds },
  // Behind the webhook_delivery table's wake-up (lib/webhooks): retries that fall due, lost wake-ups.
  { task: "deliver-webhooks", match: "* * * * *", run: deliverWebhooks },
  // Partner API Idempotency-Key answers are kept a day (decision 037). A missed hour is not made up:
  // the next one prunes the same rows.
  { task: "prune-api-idempotency", match: "17 * * * *", run: pruneApiIdempotency, fillMinutes: 0 },
  // Lists the whole bucket: four times an hour is plenty for files a day or a month old.
  { task: "sweep-evidence", match: "7,22,37,52 * * * *", run: sweepEvidenceFiles, fillMinutes: 0 },
];

/** How far back a starting worker catches up on missed slots, unless the task says otherwise. */
export const DEFAULT_FILL_MINUTES = 5;
