import { describe, expect, it } from "vitest";
import { isDayShift, nextDayShiftStart } from "./day-shift";

const ZONE = "Asia/Shanghai";
// Monday 23 November 2026 in Shanghai (UTC+8, no daylight saving time).
const shanghai = (local: string) => new Date(`${local}:00+08:00`);

describe("nextDayShiftStart", () => {
  const rota = [
    { weekday: 2, startMinute: 22 * 60 }, // Tuesday night: not a day shift
    { weekday: 2, startMinute: 6 * 60 }, // Tuesday 06:00: starts before the night ends
    { weekday: 2, startMinute: 9 * 60 },
    { weekday: 2, startMinute: 8 * 60 + 30 },
    { weekday: 3, startMinute: 7 * 60 },
  ];

  it("is the earliest day shift of the next morning, from before or after midnight", () => {
    expect(nextDayShiftStart(shanghai("2026-11-23T23:10"), ZONE, rota)).toEqual(shanghai("2026-11-24T08:30"));
    expect(nextDayShiftStart(shanghai("2026-11-24T02:45"), ZONE, rota)).toEqual(shanghai("2026-11-24T08:30"));
    expect(nextDayShiftStart(shanghai("2026-11-24T23:00"), ZONE, rota)).toEqual(shanghai("2026-11-25T07:00"));
  });

  it("falls back to 07:00 when the rota has no day shift that morning", () => {
    expect(nextDayShiftStart(shanghai("2026-11-25T23:59"), ZONE, rota)).toEqual(shanghai("2026-11-26T07:00"));
    expect(nextDayShiftStart(shanghai("2026-11-26T06:59"), ZONE, [])).toEqual(shanghai("2026-11-26T07:00"));
  });

  it("drops the seconds of now", () => {
    const now = new Date(shanghai("2026-11-23T23:10").getTime() + 42_500);
    expect(nextDayShiftStart(now, ZONE, rota)).toEqual(shanghai("2026-11-24T08:30"));
  });

  it("counts 07:00 to 21:59 starts as day shifts", () => {
    expect(isDayShift({ weekday: 1, startMinute: 7 * 60 })).toBe(true);
    expect(isDayShift({ weekday: 1, startMinute: 22 * 60 - 1 })).toBe(true);
    expect(isDayShift({ weekday: 1, startMinute: 22 * 60 })).toBe(false);
    expect(isDayShift({ weekday: 1, startMinute: 7 * 60 - 1 })).toBe(false);
  });
});
