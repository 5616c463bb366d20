/**
 * When a case filed at night with "start next morning" starts (decision 035). Pure: the apply form
 * shows this time and the server stores it, from the same rota shifts and the same arithmetic.
 *
 * A day shift is a rota shift that starts between 07:00 (the end of the night, NIGHT.endHour) and
 * 22:00 (its start) local time. The start is the earliest day shift on the local day of the next
 * 07:00; when the rota has none that day, 07:00 itself, so the case never waits more than a day.
 */
import { NIGHT } from "@/lib/applications/triage";
import { localTime } from "./shift-time";

export type ShiftStart = { weekday: number; startMinute: number };

/** What the apply form needs for the night-time offer: the rota's zone and its day-shift starts. */
export type NightRota = { timeZone: string; dayShifts: ShiftStart[] };

const DAY_FROM = NIGHT.endHour * 60;
const DAY_UNTIL = NIGHT.startHour * 60;

export function isDayShift(shift: ShiftStart): boolean {
  return shift.startMinute >= DAY_FROM && shift.startMinute < DAY_UNTIL;
}

/**
 * Plain minutes on the local clock from `now` (seconds dropped): exact in a zone without daylight
 * saving time such as Asia/Shanghai, an hour off at worst across a clock change.
 */
export function nextDayShiftStart(now: Date, timeZone: string, shifts: readonly ShiftStart[]): Date {
  const at = localTime(now, timeZone);
  const sameDay = at.minute < DAY_FROM;
  const weekday = sameDay ? at.weekday : (at.weekday % 7) + 1;
  const dayShifts = shifts.filter((shift) => shift.weekday === weekday && isDayShift(shift));
  const first = dayShifts.length > 0 ? Math.min(...dayShifts.map((shift) => shift.startMinute)) : DAY_FROM;
  const minutes = (sameDay ? 0 : 24 * 60) + first - at.minute;
  const minuteStart = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(minuteStart + minutes * 60_000);
}
