import { describe, expect, it } from "vitest";
import { formatClock, parseClock } from "./clock";

describe("rota clock", () => {
  it("reads HH:MM on a 24-hour clock, 24:00 as midnight", () => {
    expect(parseClock("08:00")).toBe(480);
    expect(parseClock(" 23:59 ")).toBe(23 * 60 + 59);
    expect(parseClock("00:00")).toBe(0);
    expect(parseClock("24:00")).toBe(0);
  });

  it("refuses anything else", () => {
    for (const value of ["8:00", "24:01", "25:00", "12:60", "noon", "", "12:00:00"])
      expect([value, parseClock(value)]).toEqual([value, null]);
  });

  it("writes minutes back as HH:MM, wrapping past midnight", () => {
    expect(formatClock(0)).toBe("00:00");
    expect(formatClock(16 * 60 + 5)).toBe("16:05");
    expect(formatClock(1440)).toBe("00:00");
    for (const minute of [0, 59, 480, 1439]) expect(parseClock(formatClock(minute))).toBe(minute);
  });
});
