/**
 * Urgency triage at intake. Pure: the form shows the offer and the server stores the score with
 * exactly this arithmetic. The queue orders by tier, then by this score (lib/console/data.ts).
 */
import { z } from "zod";
import type { UrgencyTier } from "@/lib/catalog/tiers";
import { endOfLocalDay } from "./deadline";

export const CONSEQUENCES = ["NONE", "INCONVENIENCE", "FINANCIAL_OR_LEGAL", "HEALTH_OR_SAFETY"] as const;
export const FIXED_DATE_KINDS = ["NONE", "APPOINTMENT", "TRAVEL"] as const;
export const YES_NO = ["YES", "NO"] as const;
export const AFFECTED = ["SELF", "DEPENDANTS", "MANY"] as const;

export type Consequence = (typeof CONSEQUENCES)[number];
export type FixedDateKind = (typeof FIXED_DATE_KINDS)[number];
export type Affected = (typeof AFFECTED)[number];

/** The questions in the order the form asks them (id, form field, options); all are required. */
export const TRIAGE_QUESTIONS = [
  { id: "consequence", field: "triageConsequence", options: CONSEQUENCES },
  { id: "fixedDate", field: "triageFixedDate", options: FIXED_DATE_KINDS },
  { id: "healthSafety", field: "triageHealthSafety", options: YES_NO },
  { id: "affected", field: "triageAffected", options: AFFECTED },
] as const;

export type TriageAnswers = {
  consequence: Consequence;
  fixedDate: FixedDateKind;
  /** YYYY-MM-DD in the applicant's zone; null when there is no fixed date. */
  fixedDateOn: string | null;
  healthOrSafety: boolean;
  affected: Affected;
};

/**
 * Weights, 0–100 in all. Severity is the larger of the consequence and "health or safety involved",
 * so health or safety dominates: at risk alone (60) outranks a financial loss with a fixed date
 * tomorrow and a needed-by date tomorrow (25 + 20 + 10). Timing adds the fixed date (a hard
 * commitment, so it weighs more) and the needed-by date; each counts the first band it falls in.
 */
export const TRIAGE_WEIGHTS = {
  consequence: { NONE: 0, INCONVENIENCE: 10, FINANCIAL_OR_LEGAL: 25, HEALTH_OR_SAFETY: 60 } satisfies Record<
    Consequence,
    number
  >,
  healthOrSafetyInvolved: 45,
  fixedDateWithinDays: [
    { days: 2, points: 20 },
    { days: 7, points: 12 },
    { days: 30, points: 5 },
  ],
  neededByWithinDays: [
    { days: 2, points: 10 },
    { days: 7, points: 6 },
    { days: 30, points: 2 },
  ],
  affected: { SELF: 0, DEPENDANTS: 5, MANY: 10 } satisfies Record<Affected, number>,
} as const;

const DAY = 86_400_000;

function timingPoints(
  at: Date | null,
  now: Date,
  bands: readonly { days: number; points: number }[],
): number {
  // A date already past (or unreadable) says nothing about urgency; the schema refuses those anyway.
  if (!at || at <= now) return 0;
  const days = (at.getTime() - now.getTime()) / DAY;
  return bands.find((band) => days <= band.days)?.points ?? 0;
}

/** 0–100, higher is more urgent. `utcOffsetMinutes` reads the fixed date in the applicant's zone. */
export function triageScore(
  answers: TriageAnswers,
  context: { now: Date; neededBy: Date; utcOffsetMinutes: number },
): number {
  const severity = Math.max(
    TRIAGE_WEIGHTS.consequence[answers.consequence],
    answers.healthOrSafety ? TRIAGE_WEIGHTS.healthOrSafetyInvolved : 0,
  );
  const fixedAt =
    answers.fixedDate !== "NONE" && answers.fixedDateOn
      ? endOfLocalDay(answers.fixedDateOn, context.utcOffsetMinutes)
      : null;
  const timing =
    timingPoints(fixedAt, context.now, TRIAGE_WEIGHTS.fixedDateWithinDays) +
    timingPoints(context.neededBy, context.now, TRIAGE_WEIGHTS.neededByWithinDays);
  return Math.min(100, severity + timing + TRIAGE_WEIGHTS.affected[answers.affected]);
}

/** For staff: where a score sits. */
export function triageBand(score: number): "high" | "medium" | "low" {
  return score >= 60 ? "high" : score >= 30 ? "medium" : "low";
}

/**
 * Nothing worse than an inconvenience, no fixed date, no health or safety. Unanswered questions
 * (the form asks as the applicant goes) never count as "not urgent".
 */
export function isClearlyNotUrgent(answers: Partial<TriageAnswers>): boolean {
  return (
    (answers.consequence === "NONE" || answers.consequence === "INCONVENIENCE") &&
    answers.fixedDate === "NONE" &&
    answers.healthOrSafety === false
  );
}

type RawTriageValues = {
  triageConsequence?: string;
  triageFixedDate?: string;
  triageFixedDateOn?: string;
  triageHealthSafety?: string;
  triageAffected?: string;
};

/** The answers given so far, from the form's raw values; unanswered or unknown values are left out. */
export function partialTriageAnswers(values: RawTriageValues): Partial<TriageAnswers> {
  const pick = <T extends string>(options: readonly T[], value: string | undefined) =>
    options.find((option) => option === value);
  const fixedDate = pick(FIXED_DATE_KINDS, values.triageFixedDate);
  const health = pick(YES_NO, values.triageHealthSafety);
  return {
    consequence: pick(CONSEQUENCES, values.triageConsequence),
    fixedDate,
    fixedDateOn: fixedDate && fixedDate !== "NONE" ? values.triageFixedDateOn?.trim() || null : null,
    healthOrSafety: health === undefined ? undefined : health === "YES",
    affected: pick(AFFECTED, values.triageAffected),
  };
}

/** Night is 22:00–07:00 in the rota's zone (ROTA_TIME_ZONE), when only the night shift works. */
export const NIGHT = { startHour: 22, endHour: 7 } as const;

function localHourMinute(now: Date, timeZone: string): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { hour: get("hour"), minute: get("minute") };
}

export function isNight(now: Date, timeZone: string): boolean {
  const { hour } = localHourMinute(now, timeZone);
  return hour >= NIGHT.startHour || hour < NIGHT.endHour;
}

/**
 * The next 07:00 in the zone (to the minute), for "we start at …". Assumes no clock change between
 * now and then; the rota's zones change clocks at 02:00–03:00 at most, an hour off at worst.
 */
export function nextMorning(now: Date, timeZone: string): Date {
  const { hour, minute } = localHourMinute(now, timeZone);
  const target = NIGHT.endHour * 60;
  const current = hour * 60 + minute;
  const minutes = current < target ? target - current : 24 * 60 - current + target;
  const start = new Date(now);
  start.setUTCSeconds(0, 0);
  return new Date(start.getTime() + minutes * 60_000);
}

type OfferedTier = { tier: UrgencyTier; surchargeMinor: number; processingHours: number };
export type RouteSuggestion<T extends OfferedTier> = {
  /** Offer to switch to STANDARD: clearly not urgent, an urgent tier chosen, STANDARD offered. */
  offerStandard: boolean;
  /** At night, offer to start the next morning instead (whatever the tier). */
  offerNextDay: boolean;
  standard: T | null;
  /** How much less STANDARD costs than the chosen tier (0 when not offered). */
  savingMinor: number;
};

/** `tiers` are the ones the catalog offers now (available only). */
export function suggestStandardRoute<T extends OfferedTier>(
  answers: Partial<TriageAnswers>,
  tier: UrgencyTier | "",
  tiers: readonly T[],
  now: Date,
  timeZone: string,
): RouteSuggestion<T> {
  const calm = isClearlyNotUrgent(answers);
  const standard = tiers.find((option) => option.tier === "STANDARD") ?? null;
  const chosen = tiers.find((option) => option.tier === tier);
  const offerStandard = calm && !!standard && !!chosen && chosen.tier !== "STANDARD";
  return {
    offerStandard,
    offerNextDay: calm && isNight(now, timeZone),
    standard,
    savingMinor: offerStandard ? Math.max(0, chosen!.surchargeMinor - standard!.surchargeMinor) : 0,
  };
}

/** What is stored on the case (Application.triageAnswers); `v` lets later questions change shape. */
export const storedTriageSchema = z.object({
  v: z.literal(1),
  consequence: z.enum(CONSEQUENCES),
  fixedDate: z.enum(FIXED_DATE_KINDS),
  fixedDateOn: z.string().nullable(),
  healthOrSafety: z.boolean(),
  affected: z.enum(AFFECTED),
  scheduledNextDay: z.boolean(),
});
export type StoredTriage = z.infer<typeof storedTriageSchema>;

/**
 * The score and the answers to store, recomputed on the server at submission: the client's view is
 * never trusted. Next-day scheduling is kept only if it is still night and still clearly not
 * urgent (the offer may have lapsed since the form showed it). A scheduled case is neither assigned
 * nor timed until the next day shift starts (lib/rota/day-shift.ts, decision 035); its due times
 * then count from that start, so waiting overnight never makes it late.
 */
export function triageRecord(
  answers: TriageAnswers,
  context: {
    now: Date;
    neededBy: Date;
    utcOffsetMinutes: number;
    timeZone: string;
    nextDayRequested: boolean;
  },
): { score: number; answers: StoredTriage } {
  const scheduledNextDay =
    context.nextDayRequested && isClearlyNotUrgent(answers) && isNight(context.now, context.timeZone);
  return {
    score: triageScore(answers, context),
    answers: {
      v: 1,
      ...answers,
      fixedDateOn: answers.fixedDate === "NONE" ? null : answers.fixedDateOn,
      scheduledNextDay,
    },
  };
}
