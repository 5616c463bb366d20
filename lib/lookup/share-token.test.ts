import { describe, expect, it } from "vitest";
import { generateApplicationNumber } from "@/lib/applications/application-number";
import { SHARE_LINK_TTL_SECONDS, signShareToken, verifyShareToken } from "./share-token";

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const NOW = new Date("2026-11-21T12:00:00Z");
const HOUR = 3_600_000;

describe("share tokens", () => {
  const number = generateApplicationNumber();
  const { token, expiresAt } = signShareToken(number, NOW, KEY);

  it("are short, URL-safe and carry no ID number", () => {
    expect(token).toMatch(/^EX[0-9A-Z]{9}\.[0-9a-z]+\.[A-Za-z0-9_-]{22}$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(expiresAt).toEqual(new Date(NOW.getTime() + 72 * HOUR));
  });

  it("verify until they expire, 72 hours later", () => {
    expect(verifyShareToken(token, NOW, KEY)).toEqual({ ok: true, number, expiresAt });
    expect(verifyShareToken(token, new Date(NOW.getTime() + 72 * HOUR - 1000), KEY)).toMatchObject({
      ok: true,
    });
    expect(verifyShareToken(token, new Date(NOW.getTime() + 72 * HOUR), KEY)).toEqual({
      ok: false,
      reason: "expired",
      expiredAt: expiresAt,
    });
  });

  it("reject any change to the number, the expiry or the signature", () => {
    const [, expiry, signature] = token.split(".") as [string, string, string];
    const otherNumber = generateApplicationNumber();
    const later = (parseInt(expiry, 36) + 3600).toString(36);
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    for (const forged of [
      `${otherNumber}.${expiry}.${signature}`,
      `${number}.${later}.${signature}`,
      `${number}.${expiry}.${flipped}`,
      `${number}.${expiry}.${signature.slice(0, 20)}`,
    ]) {
      expect(verifyShareToken(forged, NOW, KEY)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("reject a token signed with another key, even an expired one", () => {
    expect(verifyShareToken(token, NOW, OTHER_KEY)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyShareToken(token, new Date(NOW.getTime() + 100 * HOUR), OTHER_KEY)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("accept only the canonical spelling of the signature", () => {
    const [payloadNumber, expiry, signature] = token.split(".") as [string, string, string];
    // The last base64url character carries 2 bits; its 4 padding bits must not make a second valid link.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(signature.at(-1)!);
    const sibling = alphabet.charAt(last ^ 1);
    expect(
      verifyShareToken(`${payloadNumber}.${expiry}.${signature.slice(0, -1)}${sibling}`, NOW, KEY),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("reject malformed tokens", () => {
    for (const junk of ["", "abc", "a.b", "a.b.c.d", `${number}..`, "../../etc/passwd"]) {
      expect(verifyShareToken(junk, NOW, KEY)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("reject a validly signed life longer than we ever issue (only a leaked key could make one)", () => {
    const future = signShareToken(number, new Date(NOW.getTime() + SHARE_LINK_TTL_SECONDS * 1000), KEY);
    expect(verifyShareToken(future.token, NOW, KEY)).toEqual({ ok: false, reason: "invalid" });
  });
});
