import { describe, expect, it } from "vitest";
import { coversInstant, coversLocalTime, localTime, minutesUntilEnd } from "./shift-time";

const day = { weekday: 1, startMinute: 8 * 60, endMinute: 16 * 60 };
const night = { weekday: 1, startMinute: 22 * 60, endMinute: 6 * 60 };

describe("shift coverage", () => {
  it("covers a day shift from its start, not at its end, on its weekday only", () => {
    expect(coversLocalTime(day, { weekday: 1, minute: 8 * 60 })).toBe(true);
    expect(coversLocalTime(day, { weekday: 1, minute: 16 * 60 - 1 })).toBe(true);
    expect(coversLocalTime(day, { weekday: 1, minute: 16 * 60 })).toBe(false);
    expect(coversLocalTime(day, { weekday: 2, minute: 9 * 60 })).toBe(false);
  });

  it("runs a night shift past midnight into the next day, Sunday into Monday too", () => {
    expect(coversLocalTime(night, { weekday: 1, minute: 23 * 60 })).toBe(true);
    expect(coversLocalTime(night, { weekday: 2, minute: 5 * 60 })).toBe(true);
    expect(coversLocalTime(night, { weekday: 2, minute: 6 * 60 })).toBe(false);
    expect(coversLocalTime(night, { weekday: 1, minute: 5 * 60 })).toBe(false);
    const sunday = { ...night, weekday: 7 };
    expect(coversLocalTime(sunday, { weekday: 1, minute: 60 })).toBe(true);
  });

  it("reads the local weekday and time in the rota's zone", () => {
    // 2026-11-22 is a Sunday; 23:30 UTC Saturday is 07:30 Sunday in Shanghai.
    expect(localTime(new Date("2026-11-21T23:30:00Z"), "Asia/Shanghai")).toEqual({
      weekday: 7,
      minute: 7 * 60 + 30,
    });
    expect(
      coversInstant(
        { weekday: 7, startMinute: 0, endMinute: 8 * 60 },
        new Date("2026-11-21T23:30:00Z"),
        "Asia/Shanghai",
      ),
    ).toBe(true);
  });

  it("counts the minutes left in a shift, across midnight too", () => {
    expect(minutesUntilEnd(day, { weekday: 1, minute: 15 * 60 })).toBe(60);
    expect(minutesUntilEnd(day, { weekday: 1, minute: 16 * 60 })).toBeNull();
    expect(minutesUntilEnd(night, { weekday: 1, minute: 23 * 60 })).toBe(7 * 60);
    expect(minutesUntilEnd(night, { weekday: 2, minute: 5 * 60 + 30 })).toBe(30);
    const evening = { weekday: 3, startMinute: 16 * 60, endMinute: 0 };
    expect(minutesUntilEnd(evening, { weekday: 3, minute: 23 * 60 + 59 })).toBe(1);
  });
});
