/**
 * Shift arithmetic, pure. A shift is a weekday (ISO: 1 = Monday … 7 = Sunday) and minutes from local
 * midnight in the rota's time zone; an end at or before the start runs past midnight into the next
 * day (a night shift 22:00–06:00 on Monday covers Tuesday 00:00–06:00 too).
 */
export type ShiftTime = { weekday: number; startMinute: number; endMinute: number };

export type LocalTime = { weekday: number; minute: number };

const DAY = 24 * 60;

/** The weekday and minute of the day of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday")) + 1;
  return { weekday, minute: Number(get("hour")) * 60 + Number(get("minute")) };
}

export function crossesMidnight(shift: ShiftTime): boolean {
  return shift.endMinute <= shift.startMinute;
}

/** Whether the shift covers this local time (start included, end excluded). */
export function coversLocalTime(shift: ShiftTime, at: LocalTime): boolean {
  if (!crossesMidnight(shift))
    return at.weekday === shift.weekday && at.minute >= shift.startMinute && at.minute < shift.endMinute;
  const nextDay = (shift.weekday % 7) + 1;
  return (
    (at.weekday === shift.weekday && at.minute >= shift.startMinute) ||
    (at.weekday === nextDay && at.minute < shift.endMinute % DAY)
  );
}

export function coversInstant(shift: ShiftTime, instant: Date, timeZone: string): boolean {
  return coversLocalTime(shift, localTime(instant, timeZone));
}

/**
 * Minutes from `at` until the shift ends, for a shift that covers `at` (null otherwise). Plain
 * minutes on the local clock: exact in a zone without daylight saving time (Asia/Shanghai).
 */
export function minutesUntilEnd(shift: ShiftTime, at: LocalTime): number | null {
  if (!coversLocalTime(shift, at)) return null;
  const end =
    crossesMidnight(shift) && at.weekday === shift.weekday ? shift.endMinute + DAY : shift.endMinute;
  return end - at.minute;
}
