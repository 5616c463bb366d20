import "server-only";
import { overdueSql } from "@/lib/console/overdue-sql";
import { db } from "@/lib/db";
import { sql } from "@/lib/sql";

/** What the database-derived gauges show, read in one go per scrape. */
export type OperationsSnapshot = {
  /** Outbox rows not yet delivered, per channel. */
  pending: { channel: string; count: number }[];
  /** Age of the oldest undelivered row; 0 when there is none. */
  oldestPendingSeconds: number;
  /** Messages given up after their last attempt (status FAILED), per channel. */
  failed: { channel: string; count: number }[];
  /** Open cases per workflow node, and how many of them are overdue. */
  cases: { node: string; open: number; overdue: number }[];
};

export async function readOperationsSnapshot(now: Date): Promise<OperationsSnapshot> {
  // Both notification counts read the (status, next_attempt_at) index; the case counts read open cases only.
  const [notifications, cases] = await Promise.all([
    db.$queryRaw<{ status: string; channel: string; count: number; oldest: Date | null }[]>(sql`
      SELECT status::text, channel::text, count(*)::int AS count, min(created_at) AS oldest
        FROM notification WHERE status IN ('PENDING', 'FAILED')
       GROUP BY status, channel`),
    db.$queryRaw<{ node: string; open: number; overdue: number }[]>(sql`
      SELECT current_node::text AS node, count(*)::int AS open,
             count(*) FILTER (WHERE ${overdueSql(now)})::int AS overdue
        FROM application WHERE closed_at IS NULL
       GROUP BY current_node`),
  ]);
  const pending = notifications.filter((row) => row.status === "PENDING");
  const oldest = Math.min(...pending.map((row) => row.oldest?.getTime() ?? Infinity));
  return {
    pending: pending.map(({ channel, count }) => ({ channel, count })),
    oldestPendingSeconds: Number.isFinite(oldest) ? Math.max(0, (now.getTime() - oldest) / 1000) : 0,
    failed: notifications
      .filter((row) => row.status === "FAILED")
      .map(({ channel, count }) => ({ channel, count })),
    cases,
  };
}
