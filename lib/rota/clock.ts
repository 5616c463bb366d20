/** Minutes from local midnight as "HH:MM" on a 24-hour clock, the way the rota shows and takes times. */
export function formatClock(minute: number): string {
  const normalized = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(normalized / 60)).padStart(2, "0")}:${String(normalized % 60).padStart(2, "0")}`;
}

/** "08:00" → 480; "24:00" is accepted as midnight (0), the end of an evening shift. Anything else: null. */
export function parseClock(value: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 1440) return null;
  return minutes % 1440;
}
