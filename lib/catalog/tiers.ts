/** Ordered least to most urgent, matching the Prisma enum (ORDER BY tier DESC puts EXPRESS first). */
export const URGENCY_TIERS = ["STANDARD", "URGENT", "EXPRESS"] as const;
export type UrgencyTier = (typeof URGENCY_TIERS)[number];

const PRIORITY: Record<UrgencyTier, number> = { STANDARD: 1, URGENT: 2, EXPRESS: 3 };

export function isUrgencyTier(value: unknown): value is UrgencyTier {
  return typeof value === "string" && (URGENCY_TIERS as readonly string[]).includes(value);
}

/** Higher is more urgent. */
export function tierPriority(tier: UrgencyTier): number {
  return PRIORITY[tier];
}

/** For Array.prototype.sort: EXPRESS, then URGENT, then STANDARD. */
export function compareTiersMostUrgentFirst(a: UrgencyTier, b: UrgencyTier): number {
  return PRIORITY[b] - PRIORITY[a];
}
