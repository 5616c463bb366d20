import { z } from "zod";
import { zonedDayStart } from "@/lib/audit/schema";
import type { Role } from "@/lib/generated/prisma/enums";

/** Calendar days (inclusive) shown when the URL names none. */
export const DEFAULT_RANGE_DAYS = 30;
/** The longest range, in calendar days (inclusive): a year, leap years included. */
export const MAX_RANGE_DAYS = 366;
/** Day hours in the rota time zone: submissions from 08:00 to 19:59 are "day", the rest "night". */
export const DAY_START_HOUR = 8;
export const DAY_END_HOUR = 20;

/** Supervisors and admins see the whole operation; reviewers work cases, not the dashboard. */
export function canViewDashboard(role: Role): boolean {
  return role === "SUPERVISOR" || role === "ADMIN";
}

/**
 * What the dashboard covers: cases submitted from `from` to `to` (calendar days in the rota time
 * zone, both included), of one service or all. `limited` says a longer range was cut to a year.
 */
export type DashboardFilters = { from: string; to: string; service?: string; limited: boolean };

export type DashboardSearchParams = Record<string, string | string[] | undefined>;

// Years 1900–2999: enough for any real range, and day arithmetic never leaves four-digit years.
const DAY = /^(19|2\d)\d{2}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A real calendar day written YYYY-MM-DD (not 2026-02-30), else undefined. */
const day = z
  .preprocess(
    first,
    z
      .string()
      .regex(DAY)
      .refine((value) => {
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
      })
      .optional(),
  )
  .catch(undefined);

const paramsSchema = z.object({
  from: day,
  to: day,
  service: z.preprocess(first, z.uuid().optional()).catch(undefined),
});

function dayNumber(value: string): number {
  return Date.parse(`${value}T00:00:00Z`) / MS_PER_DAY;
}

export function addDays(value: string, days: number): string {
  return new Date((dayNumber(value) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function zonedToday(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/**
 * The filters from the URL. Each bad value falls back on its own and nothing throws: no `to` is
 * today, no `from` (or one after `to`) is the last 30 days up to `to`, a range over a year keeps
 * the year up to `to`, and an unknown service means all services.
 */
export function parseDashboardFilters(
  params: DashboardSearchParams,
  { now, timeZone }: { now: Date; timeZone: string },
): DashboardFilters {
  const parsed = paramsSchema.parse(params);
  const to = parsed.to ?? zonedToday(now, timeZone);
  let from =
    parsed.from && dayNumber(parsed.from) <= dayNumber(to)
      ? parsed.from
      : addDays(to, 1 - DEFAULT_RANGE_DAYS);
  const limited = dayNumber(to) - dayNumber(from) + 1 > MAX_RANGE_DAYS;
  if (limited) from = addDays(to, 1 - MAX_RANGE_DAYS);
  return { from, to, ...(parsed.service ? { service: parsed.service } : {}), limited };
}

/** The URL parameters for `filters` (the inverse of parseDashboardFilters), for links and the CSV. */
export function dashboardParams(filters: Pick<DashboardFilters, "from" | "to" | "service">): URLSearchParams {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.service) params.set("service", filters.service);
  return params;
}

/** What the SQL filters on: submitted_at in [start, end), the service, and the zone hours are read in. */
export type DashboardScope = { start: Date; end: Date; serviceId?: string; timeZone: string };

export function scopeOf(filters: DashboardFilters, timeZone: string): DashboardScope {
  // Both days were validated, so the zone's midnight always exists.
  const start = zonedDayStart(filters.from, timeZone)!;
  const end = zonedDayStart(filters.to, timeZone, 1)!;
  return { start, end, timeZone, ...(filters.service ? { serviceId: filters.service } : {}) };
}
