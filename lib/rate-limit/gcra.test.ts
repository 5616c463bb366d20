import { describe, expect, it } from "vitest";
import { nextTat, remainingAttempts, retryAfterSeconds, type RateLimit } from "./gcra";

const limit: RateLimit = { name: "test", burst: 3, intervalSeconds: 60 };
const start = new Date("2026-12-05T00:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function spend(times: number, now: Date, from: Date | null = null): Date | null {
  let tat = from;
  for (let attempt = 0; attempt < times; attempt++) {
    const next = nextTat(tat, now, limit);
    if (!next) return null;
    tat = next;
  }
  return tat;
}

describe("GCRA", () => {
  it("allows the burst at once and refuses the next attempt", () => {
    const tat = spend(3, start)!;
    expect(tat).toEqual(at(180));
    expect(nextTat(tat, start, limit)).toBeNull();
    expect(remainingAttempts(tat, start, limit)).toBe(0);
    expect(retryAfterSeconds(tat, start, limit)).toBe(60);
  });

  it("earns one attempt per interval, never more than the burst", () => {
    const tat = spend(3, start)!;
    expect(nextTat(tat, at(59), limit)).toBeNull();
    expect(retryAfterSeconds(tat, at(59), limit)).toBe(1);
    const afterOne = nextTat(tat, at(60), limit)!;
    expect(nextTat(afterOne, at(60), limit)).toBeNull();
    // Quiet for a long time: whole again, but only the burst.
    expect(remainingAttempts(afterOne, at(10_000), limit)).toBe(3);
    expect(spend(4, at(10_000), afterOne)).toBeNull();
  });

  it("never locks: someone who keeps trying gets exactly one attempt per interval", () => {
    let tat = spend(3, start)!;
    for (let minute = 1; minute <= 100; minute++) {
      const next = nextTat(tat, at(minute * 60), limit);
      expect(next).not.toBeNull();
      tat = next!;
      expect(nextTat(tat, at(minute * 60), limit)).toBeNull();
    }
  });

  it("treats a missing key and a key in the past as full", () => {
    expect(remainingAttempts(null, start, limit)).toBe(3);
    expect(remainingAttempts(at(-1000), start, limit)).toBe(3);
    expect(nextTat(at(-1000), start, limit)).toEqual(at(60));
  });
});
