import { describe, expect, it } from "vitest";
import { parseTrustedProxies, trustedProxies, trustedProxiesSchema } from "./trusted-proxies";

function problems(text: string): string[] {
  const parsed = parseTrustedProxies(text);
  return parsed.ok ? [] : parsed.problems;
}

describe("parseTrustedProxies", () => {
  it("takes addresses and CIDR ranges, IPv4 and IPv6, with spaces and empty entries", () => {
    const proxies = trustedProxies(" 10.0.0.0/8, ::1,fd00::/8 , 127.0.0.1,, 192.168.1.0/24 ");
    expect(proxies.entries).toEqual(["10.0.0.0/8", "::1", "fd00::/8", "127.0.0.1", "192.168.1.0/24"]);
    for (const inside of ["10.255.0.1", "::1", "fd12:3456::1", "127.0.0.1", "192.168.1.200"])
      expect(proxies.contains(inside), inside).toBe(true);
    for (const outside of ["11.0.0.1", "::2", "fe80::1", "127.0.0.2", "192.168.2.1", "2001:db8::1"])
      expect(proxies.contains(outside), outside).toBe(false);
  });

  it("matches IPv4-mapped IPv6 addresses against IPv4 entries", () => {
    const proxies = trustedProxies("127.0.0.1, 10.0.0.0/8");
    expect(proxies.contains("::ffff:127.0.0.1")).toBe(true);
    expect(proxies.contains("::ffff:10.1.2.3")).toBe(true);
    expect(proxies.contains("::ffff:11.1.2.3")).toBe(false);
  });

  it("trusts no one when empty, and never matches what is not an address", () => {
    const none = trustedProxies("");
    expect(none.entries).toEqual([]);
    expect(none.contains("127.0.0.1")).toBe(false);
    const proxies = trustedProxies("127.0.0.1");
    for (const junk of [null, undefined, "", "localhost", "127.0.0.1:80", "127.0.0.1, 127.0.0.1"])
      expect(proxies.contains(junk)).toBe(false);
  });

  it("names every bad entry", () => {
    expect(
      problems("localhost, 10.0.0.0/33, ::1/129, 10.0.0.0/8/8, 10.0.0.0/x, 1.2.3, 0.0.0.0/0, ::/0"),
    ).toEqual([
      '"localhost" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 127.0.0.1, ::1 or fd00::/8)',
      '"10.0.0.0/33" has an invalid prefix length (0 to 32 for IPv4)',
      '"::1/129" has an invalid prefix length (0 to 128 for IPv6)',
      '"10.0.0.0/8/8" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 127.0.0.1, ::1 or fd00::/8)',
      '"10.0.0.0/x" has an invalid prefix length (0 to 32 for IPv4)',
      '"1.2.3" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 127.0.0.1, ::1 or fd00::/8)',
      '"0.0.0.0/0" would trust every address',
      '"::/0" would trust every address',
    ]);
    // Space-separated is a likely mistake (the variable is comma-separated): refused, not half-read.
    expect(problems("10.0.0.1 10.0.0.2")).toHaveLength(1);
    expect(() => trustedProxies("nginx")).toThrow('"nginx" is not an IP address');
  });
});

describe("trustedProxiesSchema", () => {
  it("parses unset as trusting no one and reports each bad entry as an issue", () => {
    const unset = trustedProxiesSchema.parse(undefined);
    expect(unset.entries).toEqual([]);
    const result = trustedProxiesSchema.safeParse("10.0.0.0/8, nope, ::1/200");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      '"nope" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 127.0.0.1, ::1 or fd00::/8)',
      '"::1/200" has an invalid prefix length (0 to 128 for IPv6)',
    ]);
  });
});
