import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows only nonce-bearing scripts and forbids framing, plugins, <base> and foreign form targets", () => {
    const policy = directives(contentSecurityPolicy("abc123", { dev: false, https: false }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.get("default-src")).toBe("'self'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds eval only for React's development build, and upgrades sub-requests only over https", () => {
    expect(directives(contentSecurityPolicy("n", { dev: true, https: false })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
    expect(contentSecurityPolicy("n", { dev: false, https: false })).not.toContain("unsafe-eval");
    expect(
      directives(contentSecurityPolicy("n", { dev: false, https: true })).has("upgrade-insecure-requests"),
    ).toBe(true);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
