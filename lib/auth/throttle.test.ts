import { describe, expect, it } from "vitest";
import {
  SIGN_IN_PER_ACCOUNT,
  SIGN_IN_PER_ADDRESS,
  SIGN_IN_PER_PROVEN_BROWSER,
  UNLOCK_EMAILS_PER_ACCOUNT,
  UNLOCK_EMAILS_PER_ADDRESS,
} from "./throttle";

describe("sign-in limits", () => {
  it("keep guessing at one account to a few a day, with more room for a shared address", () => {
    expect(SIGN_IN_PER_ACCOUNT.burst + 86_400 / SIGN_IN_PER_ACCOUNT.intervalSeconds).toBeLessThanOrEqual(150);
    expect(SIGN_IN_PER_ADDRESS.burst).toBeGreaterThan(SIGN_IN_PER_ACCOUNT.burst);
  });

  it("name every limit apart, so none shares another's counter", () => {
    const names = [
      SIGN_IN_PER_ACCOUNT,
      SIGN_IN_PER_ADDRESS,
      SIGN_IN_PER_PROVEN_BROWSER,
      UNLOCK_EMAILS_PER_ACCOUNT,
      UNLOCK_EMAILS_PER_ADDRESS,
    ].map((limit) => limit.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
