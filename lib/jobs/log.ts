import { Logger, type LogLevel } from "graphile-worker";
import { logger } from "@/lib/observability/logger";

export type JobLogLevel = "info" | "warn" | "error";
/** One log function for the job worker and its tasks, so it can be swapped for the app's logger. */
export type JobLog = (level: JobLogLevel, message: string) => void;

export const jobLog: JobLog = (level, message) => logger()[level]({ event: "jobs" }, message);

// Info and debug are dropped: graphile-worker narrates every job and poll there, and the runner
// logs its own line per job that has something to say.
const LEVELS: Partial<Record<LogLevel, JobLogLevel>> = { error: "error", warning: "warn" };

/** graphile-worker's own messages (connection trouble, cron, shutdown) through our log function. */
export function graphileLogger(log: JobLog): Logger {
  return new Logger((scope) => (level, message) => {
    const ours = LEVELS[level];
    if (!ours) return;
    const where = scope.label ? ` (${scope.label})` : "";
    log(ours, `graphile-worker${where}: ${message}`);
  });
}
