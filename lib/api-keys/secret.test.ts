import { describe, expect, it } from "vitest";
import { generateApiKeySecret, hashApiKeySecret, parseAuthorization, secretMatches } from "./secret";

describe("API key secrets", () => {
  it("are exp_, an 8-character prefix, and 43 random base62 characters, never repeated", () => {
    const made = Array.from({ length: 200 }, generateApiKeySecret);
    for (const { secret, prefix, secretHash } of made) {
      expect(secret).toMatch(/^exp_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/);
      expect(secret.startsWith(`${prefix}_`)).toBe(true);
      expect(secretHash).toBe(hashApiKeySecret(secret));
      expect(secretHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(made.map((item) => item.secret)).size).toBe(200);
    expect(new Set(made.map((item) => item.prefix)).size).toBe(200);
    // Every base62 character turns up: the alphabet is used whole, not a slice of it.
    expect(new Set(made.flatMap((item) => [...item.secret.slice(13)])).size).toBe(62);
  });

  it("match only their own hash", () => {
    const { secret, secretHash } = generateApiKeySecret();
    expect(secretMatches(secret, secretHash)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`, secretHash)).toBe(
      false,
    );
    expect(secretMatches(secret, "")).toBe(false);
    expect(secretMatches(secret, "not hex")).toBe(false);
  });

  it("are read from a Bearer header only, whole and well-formed", () => {
    const { secret, prefix } = generateApiKeySecret();
    expect(parseAuthorization(`Bearer ${secret}`)).toEqual({ ok: true, secret, prefix });
    expect(parseAuthorization(`bearer ${secret}`)).toEqual({ ok: true, secret, prefix });
    expect(parseAuthorization(null)).toEqual({ ok: false, reason: "missing" });
    expect(parseAuthorization("  ")).toEqual({ ok: false, reason: "missing" });
    for (const header of [
      secret,
      `Basic ${secret}`,
      "Bearer",
      "Bearer ",
      `Bearer ${secret}x`,
      `Bearer ${secret.slice(0, -1)}`,
      `Bearer ${secret} extra`,
      `Bearer ${secret.replace("exp_", "xyz_")}`,
      `Bearer ${secret.slice(0, 12)}-${secret.slice(13)}`,
    ])
      expect(parseAuthorization(header), header).toEqual({ ok: false, reason: "malformed" });
  });
});
