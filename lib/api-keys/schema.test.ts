import { describe, expect, it } from "vitest";
import { createApiClientSchema, createApiKeySchema, scopesAllowedFor } from "./schema";

const clientId = "7d0e3c5e-2f55-4a8b-9a57-0f0b1b7e8f10";

describe("API key forms", () => {
  it("offer a partner every scope but moving cases", () => {
    expect(scopesAllowedFor("PARTNER")).toEqual([
      "applications:write",
      "applications:read",
      "webhooks:manage",
    ]);
    expect(scopesAllowedFor("INTERNAL")).toContain("cases:transition");
  });

  it("take a rate limit from 1 to 6000 per minute, or none", () => {
    const parse = (rateLimitPerMinute: string) =>
      createApiKeySchema.safeParse({
        clientId,
        name: "k",
        scopes: ["applications:read"],
        rateLimitPerMinute,
      });
    expect(parse("").data?.rateLimitPerMinute).toBeUndefined();
    expect(parse("1").data?.rateLimitPerMinute).toBe(1);
    expect(parse("6000").data?.rateLimitPerMinute).toBe(6000);
    for (const bad of ["0", "6001", "-5", "1.5", "lots"])
      expect(
        parse(bad).error?.issues.map((issue) => issue.message),
        bad,
      ).toEqual(["admin.apiKeys.errors.rateLimitInvalid"]);
  });

  it("refuse a key without scopes or with one that does not exist", () => {
    const parse = (scopes: string[]) => createApiKeySchema.safeParse({ clientId, name: "k", scopes });
    expect(parse([]).error?.issues[0]?.message).toBe("admin.apiKeys.errors.scopesRequired");
    expect(parse(["cases:delete"]).error?.issues[0]?.message).toBe("admin.apiKeys.errors.scopeInvalid");
  });

  it("ask an internal client for the staff member it acts as", () => {
    const result = createApiClientSchema.safeParse({
      kind: "INTERNAL",
      name: "n",
      contactEmail: "a@b.example",
    });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["actsAsUserId", "admin.apiKeys.errors.staffRequired"],
    ]);
    expect(createApiClientSchema.safeParse({ kind: "OTHER", name: "n" }).error?.issues[0]?.message).toBe(
      "admin.apiKeys.errors.kindRequired",
    );
  });
});
