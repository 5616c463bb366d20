// Rows and helpers for the job worker's tests: graphile-worker's tables are read with plain SQL.
import pg from "pg";
import type { OutgoingEmail, Providers } from "@/lib/notifications/providers";
import type { JobLog } from "./log";

export async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Pretends every given crontab entry last ran `minutesAgo` whole minutes before the current minute
 * (graphile-worker's own bookkeeping, an internal table of the pinned version), so a worker that
 * starts now backfills the slots in between at once instead of waiting for the next minute.
 */
export async function pretendCrontabLastRan(url: string, identifiers: string[], minutesAgo: number) {
  await query(
    url,
    `INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since, last_execution)
     SELECT identifier, now() - interval '1 hour', date_trunc('minute', now()) - make_interval(mins => $2)
       FROM unnest($1::text[]) AS identifier
     ON CONFLICT (identifier) DO UPDATE SET last_execution = excluded.last_execution`,
    [identifiers, minutesAgo],
  );
}

export type QueuedJob = { task_identifier: string; key: string | null; locked_at: Date | null };

export const queuedJobs = (url: string) =>
  query<QueuedJob>(url, "SELECT task_identifier, key, locked_at FROM graphile_worker.jobs ORDER BY id");

/** Email and SMS providers that record what they were given. */
export function recordingProviders() {
  const sent: string[] = [];
  const providers: Providers = {
    email: {
      name: "recording",
      send: async (message: OutgoingEmail) => void sent.push(message.notificationId),
    },
    sms: { name: "recording", send: async (message) => void sent.push(message.notificationId) },
  };
  return { providers, sent };
}

/** An email provider that holds each send until the test lets it go. */
export function gatedProviders() {
  const sent: string[] = [];
  let started: () => void = () => {};
  const sendStarted = new Promise<void>((resolve) => (started = resolve));
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const providers: Providers = {
    email: {
      name: "gated",
      async send(message) {
        started();
        await gate;
        sent.push(message.notificationId);
      },
    },
    sms: { name: "none", send: async () => {} },
  };
  return { providers, sent, sendStarted, release };
}

/** Collects log lines (a job worker's default log writes errors to console.error, which fails a test). */
export function collectingLog() {
  const lines: string[] = [];
  const log: JobLog = (level, message) => void lines.push(`${level}: ${message}`);
  return { log, lines };
}
