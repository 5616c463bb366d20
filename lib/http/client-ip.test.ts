import { describe, expect, it } from "vitest";
import { clientIpFromHeaders, normalizeAddress, resolveClientIp } from "./client-ip";
import { NO_TRUSTED_PROXIES, trustedProxies } from "./trusted-proxies";

const ONE_PROXY = trustedProxies("10.0.0.2");

describe("resolveClientIp", () => {
  it("uses the TCP peer and ignores forwarded-for from untrusted peers", () => {
    expect(resolveClientIp("203.0.113.9", "1.2.3.4", NO_TRUSTED_PROXIES)).toBe("203.0.113.9");
    expect(resolveClientIp("::ffff:127.0.0.1", "1.2.3.4", ONE_PROXY)).toBe("127.0.0.1");
    // A peer just outside a trusted range is a client like any other.
    expect(resolveClientIp("10.0.1.0", "1.2.3.4", trustedProxies("10.0.0.0/24"))).toBe("10.0.1.0");
  });

  it("takes the rightmost untrusted hop behind a trusted proxy", () => {
    expect(resolveClientIp("10.0.0.2", "1.2.3.4, 198.51.100.7", ONE_PROXY)).toBe("198.51.100.7");
    expect(
      resolveClientIp("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3", trustedProxies("10.0.0.2, 10.0.0.3")),
    ).toBe("198.51.100.7");
    expect(resolveClientIp("10.0.0.2", ["1.2.3.4", "198.51.100.8"], ONE_PROXY)).toBe("198.51.100.8");
  });

  it("ignores whatever the client wrote to the left of the address the proxy saw", () => {
    // The client sent "X-Forwarded-For: 127.0.0.1, 10.0.0.9"; nginx appended the address it saw.
    const spoofed = "127.0.0.1, 10.0.0.9, 198.51.100.7";
    expect(resolveClientIp("127.0.0.1", spoofed, trustedProxies("127.0.0.1"))).toBe("198.51.100.7");
    // Even when the spoofed entries are themselves trusted addresses, the walk stops at the client.
    expect(resolveClientIp("10.0.0.2", spoofed, trustedProxies("10.0.0.0/8, 127.0.0.1"))).toBe(
      "198.51.100.7",
    );
  });

  it("walks a chain of trusted proxies given as ranges, IPv4 and IPv6", () => {
    const proxies = trustedProxies("10.0.0.0/8, fd00::/8, ::1");
    // client → CDN edge (fd00::5) → load balancer (10.1.2.3) → nginx on this host (::1) → us
    expect(resolveClientIp("::1", "2001:db8::42, fd00::5, 10.1.2.3", proxies)).toBe("2001:db8::42");
    expect(resolveClientIp("::ffff:10.9.9.9", "203.0.113.5, 10.1.2.3", proxies)).toBe("203.0.113.5");
    expect(resolveClientIp("::1", "2001:DB8::42", proxies)).toBe("2001:db8::42");
  });

  it("matches an IPv4-mapped IPv6 peer and hop against IPv4 entries", () => {
    const loopback = trustedProxies("127.0.0.1");
    expect(resolveClientIp("::ffff:127.0.0.1", "198.51.100.7", loopback)).toBe("198.51.100.7");
    expect(resolveClientIp("::ffff:127.0.0.1", "198.51.100.7, ::ffff:127.0.0.1", loopback)).toBe(
      "198.51.100.7",
    );
    expect(resolveClientIp("::ffff:127.0.0.1", "::ffff:198.51.100.7", loopback)).toBe("198.51.100.7");
  });

  it("falls back to the nearest trusted hop when the header is missing, junk or all trusted", () => {
    expect(resolveClientIp("10.0.0.2", undefined, ONE_PROXY)).toBe("10.0.0.2");
    expect(resolveClientIp("10.0.0.2", "<script>", ONE_PROXY)).toBe("10.0.0.2");
    expect(resolveClientIp("10.0.0.2", "", ONE_PROXY)).toBe("10.0.0.2");
    // Junk stops the walk: nothing left of it is believed.
    const proxies = trustedProxies("10.0.0.0/8");
    expect(resolveClientIp("10.0.0.2", "198.51.100.7, evil, 10.0.0.3", proxies)).toBe("10.0.0.3");
    expect(resolveClientIp("10.0.0.2", "198.51.100.7:4711", proxies)).toBe("10.0.0.2");
    expect(resolveClientIp("10.0.0.2", "10.0.0.4, 10.0.0.3", proxies)).toBe("10.0.0.4");
    expect(resolveClientIp(undefined, "1.2.3.4", NO_TRUSTED_PROXIES)).toBeNull();
  });
});

describe("normalizeAddress / clientIpFromHeaders", () => {
  it("accepts IPv4 and IPv6 only", () => {
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("evil.example")).toBeNull();
    expect(normalizeAddress("1.2.3.4:80")).toBeNull();
    expect(normalizeAddress("999.1.1.1")).toBeNull();
    expect(normalizeAddress("::ffff:999.1.1.1")).toBeNull();
    expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": "192.0.2.1" }))).toBe("192.0.2.1");
    expect(clientIpFromHeaders({})).toBeNull();
  });
});
