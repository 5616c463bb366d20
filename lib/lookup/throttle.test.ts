import { describe, expect, it } from "vitest";
import {
  LOOKUP_PER_ADDRESS,
  LOOKUP_PER_NUMBER,
  LOOKUP_PER_PROVEN_BROWSER,
  retryAfterMinutes,
} from "./throttle";

describe("lookup limits", () => {
  it("make one number's ID space the scarcest, and give a shared address more room", () => {
    const perDay = (limit: { burst: number; intervalSeconds: number }) =>
      limit.burst + 86_400 / limit.intervalSeconds;
    expect(perDay(LOOKUP_PER_NUMBER)).toBeLessThanOrEqual(30);
    expect(LOOKUP_PER_ADDRESS.burst).toBeGreaterThan(LOOKUP_PER_NUMBER.burst);
    expect(
      new Set([LOOKUP_PER_NUMBER.name, LOOKUP_PER_ADDRESS.name, LOOKUP_PER_PROVEN_BROWSER.name]).size,
    ).toBe(3);
  });

  it("tells people whole minutes, never 0", () => {
    expect(retryAfterMinutes(1)).toBe(1);
    expect(retryAfterMinutes(60)).toBe(1);
    expect(retryAfterMinutes(61)).toBe(2);
    expect(retryAfterMinutes(3600)).toBe(60);
  });
});
