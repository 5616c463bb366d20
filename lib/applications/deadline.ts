/**
 * Needed-by dates and due times. Pure, so the form warns with exactly the arithmetic the server uses.
 */
import type { UrgencyTier } from "@/lib/catalog/tiers";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Real UTC offsets run from −12:00 to +14:00. */
export const MAX_UTC_OFFSET_MINUTES = 14 * 60;

/**
 * The last millisecond of a calendar day ("2026-12-01") in a zone `utcOffsetMinutes` east of UTC
 * (UTC+8 → 480; the browser's `-getTimezoneOffset()` for that day), or null for an impossible date.
 * "Needed by 1 December" means usable on 1 December, so the whole day counts.
 */
export function endOfLocalDay(date: string, utcOffsetMinutes: number): Date | null {
  const match = DATE_PATTERN.exec(date);
  if (!match || !Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > MAX_UTC_OFFSET_MINUTES)
    return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day, 23, 59, 59, 999);
  const check = new Date(utc);
  // Date.UTC rolls 31 February over into March; an input that does that was not a real date.
  if (year < 1000 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(utc - utcOffsetMinutes * MINUTE);
}

/** Today's date in a zone, as the YYYY-MM-DD a date input uses (for its `min`). */
export function localDateString(now: Date, utcOffsetMinutes: number): string {
  return new Date(now.getTime() + utcOffsetMinutes * MINUTE).toISOString().slice(0, 10);
}

export type TierTiming = { tier: UrgencyTier; processingHours: number };

/** When a case filed now would be finished at the tier's target. */
export function expectedCompletion(now: Date, processingHours: number): Date {
  return new Date(now.getTime() + processingHours * HOUR);
}

/** The tiers whose target finishes after the needed-by time. */
export function tiersTooSlowFor<T extends TierTiming>(tiers: readonly T[], neededBy: Date, now: Date): T[] {
  return tiers.filter((tier) => expectedCompletion(now, tier.processingHours) > neededBy);
}

/**
 * True when not even the fastest offered tier is expected to finish by the needed-by time. The form
 * only warns: the applicant may still want to try (a partial result, or the date may move).
 */
export function noTierMeets(tiers: readonly TierTiming[], neededBy: Date, now: Date): boolean {
  return tiers.length > 0 && tiersTooSlowFor(tiers, neededBy, now).length === tiers.length;
}

export type NodeTargetMinutes = { node: string; targetMinutes: number };

/**
 * Due times of a new case. The case is due after the tier's processing time. A new case waits at
 * SUBMITTED for its material check, so its first node is due when that check should be complete:
 * the SUBMITTED target if an admin set one, else the MATERIAL_CHECK target, else a tenth of the
 * case time (the seed's share). Never later than the case itself.
 */
export function initialDueDates(input: {
  submittedAt: Date;
  processingHours: number;
  nodeTargets: readonly NodeTargetMinutes[];
}) {
  const caseDueAt = expectedCompletion(input.submittedAt, input.processingHours);
  const target =
    input.nodeTargets.find((row) => row.node === "SUBMITTED") ??
    input.nodeTargets.find((row) => row.node === "MATERIAL_CHECK");
  const minutes = target?.targetMinutes ?? Math.round(input.processingHours * 6);
  const nodeDueAt = new Date(Math.min(input.submittedAt.getTime() + minutes * MINUTE, caseDueAt.getTime()));
  return { nodeDueAt, caseDueAt };
}

/** How long an applicant gets to answer a supplement request unless the reviewer sets another time. */
export const SUPPLEMENT_ANSWER_HOURS = 24;

/** The default answer deadline of a supplement request made at `requestedAt`. */
export function defaultSupplementDueAt(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + SUPPLEMENT_ANSWER_HOURS * HOUR);
}
