import { describe, expect, it } from "vitest";
import { FREE_FAILURES, MAX_LOCK_SECONDS, lockSecondsAfter, lookupThrottleKeys, retryAfterMinutes, retryAfterSeconds, throttleKind } from "./throttle";

describe("lockSecondsAfter", () => {
  it("allows a few failures per number, then locks with a cooldown that doubles", () => {
    for (let failures = 0; failures < FREE_FAILURES.number; failures++) expect(lockSecondsAfter(failures, "number")).toBe(0);
    expect([5, 6, 7, 8].map((failures) => lockSecondsAfter(failures, "number"))).toEqual([60, 120, 240, 480]);
  });

  it("caps the cooldown, stricter for a number than for an address", () => {
    expect(lockSecondsAfter(40, "number")).toBe(MAX_LOCK_SECONDS.number);
    expect(lockSecondsAfter(1000, "number")).toBe(6 * 60 * 60);
    expect(lockSecondsAfter(1000, "ip")).toBe(60 * 60);
  });

  it("gives a shared address more room than one number", () => {
    expect(lockSecondsAfter(19, "ip")).toBe(0);
    expect(lockSecondsAfter(20, "ip")).toBe(60);
    expect(lockSecondsAfter(21, "ip")).toBe(120);
  });
});

describe("lookupThrottleKeys / throttleKind", () => {
  it("counts per client address and per number, in a fixed order", () => {
    expect(lookupThrottleKeys("EX01234567R", "10.0.0.1")).toEqual(["ip:10.0.0.1", "number:EX01234567R"]);
    expect(lookupThrottleKeys("EX01234567R", null)).toEqual(["number:EX01234567R"]);
    expect(throttleKind("ip:::1")).toBe("ip");
    expect(throttleKind("number:EX01234567R")).toBe("number");
  });
});

describe("retryAfterSeconds / retryAfterMinutes", () => {
  const now = new Date("2026-11-21T12:00:00Z");

  it("waits for the latest lock, rounded up to a whole second", () => {
    expect(retryAfterSeconds([{ lockedUntil: new Date("2026-11-21T12:00:30.200Z") }, { lockedUntil: new Date("2026-11-21T12:02:00Z") }], now)).toBe(120);
    expect(retryAfterSeconds([{ lockedUntil: new Date("2026-11-21T12:00:00.001Z") }], now)).toBe(1);
  });

  it("is 0 when nothing is locked now", () => {
    expect(retryAfterSeconds([], now)).toBe(0);
    expect(retryAfterSeconds([{ lockedUntil: null }, { lockedUntil: now }, { lockedUntil: new Date("2026-11-21T11:00:00Z") }], now)).toBe(0);
  });

  it("tells people whole minutes, never zero", () => {
    expect([1, 59, 60, 61, 3600].map(retryAfterMinutes)).toEqual([1, 1, 1, 2, 60]);
  });
});
