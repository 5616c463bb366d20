import { describe, expect, it } from "vitest";
import { createFormat, formatDateTime, formatMoney, formatNumber } from "./format";

// 14:05 UTC on 5 December 2026 is 22:05 in Shanghai.
const AT = new Date("2026-12-05T14:05:00Z");

describe("formatDateTime", () => {
  it("writes English dates the British way: day month year, 24-hour clock", () => {
    expect(formatDateTime(AT, "en", { dateStyle: "medium", timeStyle: "short" }, "Asia/Shanghai")).toBe(
      "5 Dec 2026, 22:05",
    );
    expect(formatDateTime(AT, "en", { dateStyle: "long" }, "UTC")).toBe("5 December 2026");
    expect(formatDateTime(AT, "en", { dateStyle: "short" }, "UTC")).toBe("05/12/2026");
    expect(formatDateTime(AT, "en", { timeStyle: "short" }, "UTC")).toBe("14:05");
  });

  it("never writes AM/PM, whatever the options", () => {
    expect(formatDateTime(AT, "en", { hour: "numeric", minute: "2-digit" }, "UTC")).toBe("14:05");
    expect(formatDateTime(AT, "zh", { hour: "numeric", minute: "2-digit" }, "UTC")).toBe("14:05");
    expect(formatDateTime(new Date("2026-12-05T00:30:00Z"), "en", { timeStyle: "short" }, "UTC")).toBe(
      "00:30",
    );
  });

  it("writes Chinese dates with 年月日 and a 24-hour clock", () => {
    expect(formatDateTime(AT, "zh", { dateStyle: "long", timeStyle: "short" }, "Asia/Shanghai")).toBe(
      "2026年12月5日 22:05",
    );
    expect(formatDateTime(AT, "zh", { dateStyle: "medium" }, "UTC")).toBe("2026年12月5日");
  });

  it("shows the time in the viewer's zone", () => {
    expect(formatDateTime(AT, "en", { timeStyle: "short" }, "Europe/London")).toBe("14:05");
    expect(formatDateTime(AT, "en", { timeStyle: "short" }, "Asia/Shanghai")).toBe("22:05");
  });

  it("falls back to Chinese for a language the site does not have", () => {
    expect(formatDateTime(AT, "fr", { dateStyle: "medium" }, "UTC")).toBe("2026年12月5日");
  });
});

describe("formatNumber", () => {
  it("groups and rounds the same way in both languages", () => {
    expect(formatNumber(1234567.891, "en", { maximumFractionDigits: 1 })).toBe("1,234,567.9");
    expect(formatNumber(1234567.891, "zh", { maximumFractionDigits: 1 })).toBe("1,234,567.9");
    expect(formatNumber(0.125, "en", { style: "percent", maximumFractionDigits: 1 })).toBe("12.5%");
  });
});

describe("formatMoney", () => {
  it("writes yuan as ¥ in both languages, never CN¥", () => {
    expect(formatMoney(123_450, "CNY", "zh")).toBe("¥1,234.50");
    expect(formatMoney(123_450, "CNY", "en")).toBe("¥1,234.50");
  });

  it("keeps every fen", () => {
    expect(formatMoney(1, "CNY", "en")).toBe("¥0.01");
    expect(formatMoney(0, "CNY", "zh")).toBe("¥0.00");
    expect(formatMoney(123_456_789, "CNY", "zh")).toBe("¥1,234,567.89");
    expect(formatMoney(19_999, "CNY", "zh")).toBe("¥199.99");
  });

  it("shows negative amounts (refunds) with a minus sign", () => {
    expect(formatMoney(-5_000, "CNY", "zh")).toBe("-¥50.00");
  });

  it("uses the currency's own minor digits", () => {
    expect(formatMoney(1_234, "JPY", "en")).toBe("¥1,234");
    expect(formatMoney(1_234, "USD", "en")).toBe("$12.34");
  });

  it("rejects non-integer amounts and unknown currency codes", () => {
    expect(() => formatMoney(12.5, "CNY", "zh")).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, "CNY", "zh")).toThrow(RangeError);
    expect(() => formatMoney(100, "YUAN", "zh")).toThrow(RangeError);
  });
});

describe("createFormat", () => {
  it("binds the viewer's language and zone", () => {
    const format = createFormat("en", "Asia/Shanghai");
    expect(format.dateTime(AT)).toBe("5 Dec 2026, 22:05");
    expect(format.money(500, "CNY")).toBe("¥5.00");
    expect(format.number(0.5, { style: "percent" })).toBe("50%");
  });
});
