import { describe, expect, it } from "vitest";
import { pagingProfileSchema } from "./schema";
import { ackDueAt, ackLinkPath, hashPageToken, newPageToken, pageChannels } from "./page-rules";

describe("pageChannels", () => {
  it("follows the preference, and falls back to email without a mobile number", () => {
    expect(pageChannels("EMAIL", "+8613800138000")).toEqual(["EMAIL"]);
    expect(pageChannels("SMS", "+8613800138000")).toEqual(["SMS"]);
    expect(pageChannels("BOTH", "+8613800138000")).toEqual(["EMAIL", "SMS"]);
    expect(pageChannels("SMS", null)).toEqual(["EMAIL"]);
    expect(pageChannels("BOTH", null)).toEqual(["EMAIL"]);
  });
});

describe("acknowledgement targets", () => {
  it("give express 15 minutes, urgent 30 and standard 120", () => {
    const at = new Date("2026-11-23T15:00:00Z");
    expect(ackDueAt("EXPRESS", at)).toEqual(new Date("2026-11-23T15:15:00Z"));
    expect(ackDueAt("URGENT", at)).toEqual(new Date("2026-11-23T15:30:00Z"));
    expect(ackDueAt("STANDARD", at)).toEqual(new Date("2026-11-23T17:00:00Z"));
  });
});

describe("page tokens", () => {
  it("are random, stored as their sha256, and travel in the link's query", () => {
    const { token, tokenHash } = newPageToken();
    expect(token).not.toBe(newPageToken().token);
    expect(tokenHash).toBe(hashPageToken(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(ackLinkPath(token)).toBe(`/console/paging/acknowledge?token=${token}`);
  });
});

describe("pagingProfileSchema", () => {
  it("stores a mobile number in E.164 and refuses landlines and SMS without a number", () => {
    expect(pagingProfileSchema.parse({ phone: "138 0013 8000", preference: "SMS" })).toEqual({
      phone: "+8613800138000",
      preference: "SMS",
    });
    expect(pagingProfileSchema.parse({ phone: " ", preference: "EMAIL" })).toEqual({
      phone: null,
      preference: "EMAIL",
    });
    const landline = pagingProfileSchema.safeParse({ phone: "010 6552 9988", preference: "EMAIL" });
    expect(landline.error?.issues.map((issue) => issue.message)).toEqual([
      "rota.paging.profile.phoneInvalid",
    ]);
    const noNumber = pagingProfileSchema.safeParse({ phone: "", preference: "BOTH" });
    expect(noNumber.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [["phone"], "rota.paging.profile.phoneNeeded"],
    ]);
    expect(pagingProfileSchema.safeParse({ phone: "", preference: "PIGEON" }).success).toBe(false);
  });
});
