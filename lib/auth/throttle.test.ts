import { describe, expect, it } from "vitest";
import { FREE_FAILURES, isLocked, lockSecondsAfter, throttleKeys, throttleKind } from "./throttle";

describe("lockSecondsAfter", () => {
  it("allows a few failures per account, then locks with a growing, capped delay", () => {
    for (let failures = 0; failures < FREE_FAILURES.email; failures++) expect(lockSecondsAfter(failures, "email")).toBe(0);
    expect(lockSecondsAfter(5, "email")).toBe(60);
    expect(lockSecondsAfter(6, "email")).toBe(120);
    expect(lockSecondsAfter(7, "email")).toBe(240);
    expect(lockSecondsAfter(55, "email")).toBe(30 * 60);
  });

  it("gives a shared address more room than one account", () => {
    expect(lockSecondsAfter(19, "ip")).toBe(0);
    expect(lockSecondsAfter(20, "ip")).toBe(60);
  });
});

describe("isLocked", () => {
  const now = new Date("2026-11-21T12:00:00Z");
  it("is locked only until the stored time", () => {
    expect(isLocked(new Date("2026-11-21T12:00:01Z"), now)).toBe(true);
    expect(isLocked(new Date("2026-11-21T12:00:00Z"), now)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});

describe("throttleKeys / throttleKind", () => {
  it("throttles by account and by client address", () => {
    expect(throttleKeys("a@b.c", "10.0.0.1")).toEqual(["email:a@b.c", "ip:10.0.0.1"]);
    expect(throttleKeys("a@b.c", null)).toEqual(["email:a@b.c"]);
    expect(throttleKind("ip:10.0.0.1")).toBe("ip");
    expect(throttleKind("email:ip:x@y.z")).toBe("email");
  });
});
