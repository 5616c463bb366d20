import type { Format } from "@/lib/i18n/format";

/** The "dashboard" namespace's translate function, or any compatible one. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type Formatter = Format;

export const EMPTY = "—";

/** A length of time for people: "45 min", "3 h 20 min", "2 d 4 h". */
export function formatMinutes(minutes: number | null, t: Translate): string {
  if (minutes === null) return EMPTY;
  const total = Math.round(minutes);
  if (total < 60) return t("duration.minutes", { minutes: total });
  if (total < 24 * 60) return t("duration.hours", { hours: Math.floor(total / 60), minutes: total % 60 });
  const hours = Math.round(total / 60);
  return t("duration.days", { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** A share (0–1) as a percentage with at most one decimal, or a dash when there was nothing to measure. */
export function formatShare(share: number | null, format: Formatter): string {
  return share === null ? EMPTY : format.number(share, { style: "percent", maximumFractionDigits: 1 });
}

/** A share as a number of percent for the charts (which append "%"). */
export const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** Minutes as hours for the charts' axes (one decimal). */
export const hours = (minutes: number | null) => (minutes === null ? null : Math.round(minutes / 6) / 10);

/**
 * Chart colours: brand blue; amber singles out (the bottleneck, the night hours). The palette's
 * variables, so the dark theme turns them over too (app/globals.css); the fallbacks are the light
 * values, for shades no class on the page made Tailwind emit.
 */
export const COLORS = {
  primary: "var(--color-brand-600, #1d5fd1)",
  secondary: "var(--color-blue-300, #93c5fd)",
  highlight: "var(--color-amber-600, #d97706)",
  highlightLight: "var(--color-amber-300, #fcd34d)",
} as const;
