import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/queue.json";
import zh from "@/lib/i18n/messages/zh/queue.json";
import { dueStateOf, formatLateness, latenessParts } from "./queue-due";

const NOW = new Date("2026-11-21T08:00:00Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe("dueStateOf", () => {
  const open = { closedAt: null };

  it("flags a late case as overdue, with how late, while it is staff's turn", () => {
    expect(dueStateOf({ ...open, status: "IN_PROGRESS", nodeDueAt: ago(3 * HOUR) }, NOW)).toEqual({
      kind: "overdue",
      dueAt: ago(3 * HOUR),
      lateMs: 3 * HOUR,
    });
    expect(dueStateOf({ ...open, status: "APPROVED", nodeDueAt: ago(MINUTE) }, NOW)).toMatchObject({
      kind: "overdue",
      lateMs: MINUTE,
    });
  });

  it("says a night-time case scheduled for the day shift is scheduled, never overdue (decision 035)", () => {
    expect(
      dueStateOf({ ...open, status: "IN_PROGRESS", nodeDueAt: null, scheduledStartAt: ago(-HOUR) }, NOW),
    ).toEqual({ kind: "scheduled", startsAt: ago(-HOUR) });
  });

  it("is due, not overdue, up to and including the due time", () => {
    expect(dueStateOf({ ...open, status: "IN_PROGRESS", nodeDueAt: NOW }, NOW)).toEqual({
      kind: "due",
      dueAt: NOW,
    });
    expect(dueStateOf({ ...open, status: "IN_PROGRESS", nodeDueAt: ago(-HOUR) }, NOW)).toMatchObject({
      kind: "due",
    });
  });

  it("says a case awaiting the applicant is waiting for them, even past its due time", () => {
    expect(dueStateOf({ ...open, status: "AWAITING_APPLICANT", nodeDueAt: ago(DAY) }, NOW)).toEqual({
      kind: "waitingForApplicant",
      dueAt: ago(DAY),
    });
  });

  it("has nothing due without a due time, and nothing at all once closed", () => {
    expect(dueStateOf({ ...open, status: "IN_PROGRESS", nodeDueAt: null }, NOW)).toEqual({ kind: "none" });
    expect(dueStateOf({ closedAt: ago(HOUR), status: "COMPLETED", nodeDueAt: ago(DAY) }, NOW)).toEqual({
      kind: "closed",
    });
  });
});

describe("latenessParts", () => {
  it.each([
    [
      3 * HOUR + 20 * MINUTE + 59_999,
      [
        { unit: "hours", count: 3 },
        { unit: "minutes", count: 20 },
      ],
    ],
    [45 * MINUTE, [{ unit: "minutes", count: 45 }]],
    [
      2 * DAY + 3 * HOUR + 7 * MINUTE,
      [
        { unit: "days", count: 2 },
        { unit: "hours", count: 3 },
      ],
    ],
    [2 * DAY + 5 * MINUTE, [{ unit: "days", count: 2 }]],
    [HOUR, [{ unit: "hours", count: 1 }]],
    [10_000, [{ unit: "minutes", count: 1 }]],
    [0, [{ unit: "minutes", count: 1 }]],
  ])("%i ms late reads %j", (ms, parts) => {
    expect(latenessParts(ms)).toEqual(parts);
  });
});

describe("formatLateness", () => {
  // As the app sees them: untyped message trees, keys checked at run time.
  type Translate = (key: string, values: Record<string, string | number>) => string;
  const translator = (locale: string, messages: unknown) =>
    createTranslator({ locale, messages: messages as AbstractIntlMessages }) as unknown as Translate;
  const tEn = translator("en", en);
  const tZh = translator("zh", zh);
  const late = 3 * HOUR + 20 * MINUTE;

  it("reads short for the eye and in words for screen readers, in both languages", () => {
    expect(formatLateness(late, tEn, "short")).toBe("3 h 20 min");
    expect(formatLateness(late, tEn, "long")).toBe("3 hours 20 minutes");
    expect(formatLateness(DAY + MINUTE, tEn, "long")).toBe("1 day");
    expect(formatLateness(HOUR + MINUTE, tEn, "long")).toBe("1 hour 1 minute");
    expect(formatLateness(late, tZh, "short")).toBe("3 小时 20 分钟");
    expect(formatLateness(2 * DAY, tZh, "long")).toBe("2 天");
  });

  it("fits the overdue sentence", () => {
    expect(tEn("overdueBy", { duration: formatLateness(late, tEn, "short") })).toBe("Overdue by 3 h 20 min");
    expect(tZh("overdueBy", { duration: formatLateness(late, tZh, "short") })).toBe("已超时 3 小时 20 分钟");
  });
});
