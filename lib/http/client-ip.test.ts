import { describe, expect, it } from "vitest";
import { clientIpFromHeaders, normalizeAddress, resolveClientIp } from "./client-ip";

describe("resolveClientIp", () => {
  it("uses the TCP peer and ignores forwarded-for from untrusted peers", () => {
    expect(resolveClientIp("203.0.113.9", "1.2.3.4", [])).toBe("203.0.113.9");
    expect(resolveClientIp("::ffff:127.0.0.1", "1.2.3.4", ["10.0.0.2"])).toBe("127.0.0.1");
  });

  it("takes the rightmost untrusted hop behind a trusted proxy", () => {
    expect(resolveClientIp("10.0.0.2", "1.2.3.4, 198.51.100.7", ["10.0.0.2"])).toBe("198.51.100.7");
    expect(resolveClientIp("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3", ["10.0.0.2", "10.0.0.3"])).toBe(
      "198.51.100.7",
    );
    expect(resolveClientIp("10.0.0.2", ["1.2.3.4", "198.51.100.8"], ["10.0.0.2"])).toBe("198.51.100.8");
  });

  it("falls back to the proxy itself when the header is missing or junk", () => {
    expect(resolveClientIp("10.0.0.2", undefined, ["10.0.0.2"])).toBe("10.0.0.2");
    expect(resolveClientIp("10.0.0.2", "<script>", ["10.0.0.2"])).toBe("10.0.0.2");
    expect(resolveClientIp(undefined, "1.2.3.4", [])).toBeNull();
  });
});

describe("normalizeAddress / clientIpFromHeaders", () => {
  it("accepts IPv4 and IPv6 only", () => {
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress("evil.example")).toBeNull();
    expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": "192.0.2.1" }))).toBe("192.0.2.1");
    expect(clientIpFromHeaders({})).toBeNull();
  });
});
