import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  UNLOCK_TTL_SECONDS,
  signUnlockToken,
  unlockLinkPath,
  unlockTokenUserId,
  verifyUnlockToken,
} from "./unlock-token";

const key = Buffer.from("u".repeat(32));
const now = new Date("2026-12-05T03:00:00Z");
const user = { id: randomUUID(), email: "owner@test.example" };

describe("unlock token", () => {
  it("verifies for its account until it expires", () => {
    const token = signUnlockToken(user, now, key);
    expect(unlockTokenUserId(token)).toBe(user.id);
    expect(verifyUnlockToken(token, user, now, key)).toBe(true);
    expect(verifyUnlockToken(token, user, new Date(now.getTime() + UNLOCK_TTL_SECONDS * 1000), key)).toBe(
      false,
    );
    expect(unlockLinkPath(token)).toBe(`/signin/unlock?token=${token}`);
  });

  it("refuses another account, a changed email, another key and tampering", () => {
    const token = signUnlockToken(user, now, key);
    expect(verifyUnlockToken(token, { ...user, id: randomUUID() }, now, key)).toBe(false);
    expect(verifyUnlockToken(token, { ...user, email: "new@test.example" }, now, key)).toBe(false);
    expect(verifyUnlockToken(token, user, now, Buffer.from("x".repeat(32)))).toBe(false);
    const [id, expires, mac] = token.split(".");
    expect(verifyUnlockToken(`${id}.${Number(expires) + 600}.${mac}`, user, now, key)).toBe(false);
    expect(unlockTokenUserId("nonsense\u0000")).toBeNull();
  });
});
