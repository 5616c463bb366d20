/** Same rule as the catalog card: whole days from two days up, hours below. Uses catalog.days / catalog.hours. */
export function processingTimeText(
  hours: number,
  t: (key: "catalog.days" | "catalog.hours", values: { count: number }) => string,
): string {
  return hours >= 48 && hours % 24 === 0
    ? t("catalog.days", { count: hours / 24 })
    : t("catalog.hours", { count: hours });
}

/**
 * A YYYY-MM-DD date as a Date at noon UTC, to be formatted with timeZone "UTC": the calendar day
 * the applicant picked, whatever zone the formatter would otherwise use.
 */
export function calendarDay(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)) : null;
}
