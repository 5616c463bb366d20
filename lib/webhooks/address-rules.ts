import { isIPv4, isIPv6 } from "node:net";

/**
 * Addresses a webhook may never reach in production (SSRF): anything not on the public internet.
 * [first address as bytes, prefix length]. IPv6 forms that embed an IPv4 address (mapped, NAT64,
 * 6to4) are judged by that address.
 */
const FORBIDDEN_V4: readonly [string, number][] = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];

const FORBIDDEN_V6: readonly [string, number][] = [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["::", 96], // IPv4-compatible (deprecated)
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
];

function v4Bytes(address: string): number[] {
  return address.split(".").map(Number);
}

/** 16 bytes of an IPv6 address (with "::" and a dotted IPv4 tail); the zone id is dropped. */
function v6Bytes(address: string): number[] {
  let text = address.split("%")[0]!;
  const tail: number[] = [];
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    tail.push(...v4Bytes(dotted[1]!));
    text = text.slice(0, -dotted[1]!.length);
    if (!text.endsWith("::")) text = text.slice(0, -1);
  }
  const [head, rest] = text.includes("::") ? text.split("::") : [text, undefined];
  const groups = (part: string | undefined) => (part ? part.split(":").filter((g) => g !== "") : []);
  const left = groups(head);
  const right = groups(rest);
  const groupCount = (16 - tail.length) / 2;
  const wordsOf =
    rest === undefined
      ? left
      : [...left, ...Array<string>(groupCount - left.length - right.length).fill("0"), ...right];
  const words = dotted ? wordsOf.slice(0, groupCount) : wordsOf;
  const bytes = words.flatMap((word) => {
    const value = parseInt(word, 16);
    return [value >> 8, value & 0xff];
  });
  return [...bytes, ...tail];
}

function inPrefix(bytes: number[], base: number[], prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit++) {
    const index = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((bytes[index]! & mask) !== (base[index]! & mask)) return false;
  }
  return true;
}

function forbiddenV4(bytes: number[]): boolean {
  return FORBIDDEN_V4.some(([base, prefix]) => inPrefix(bytes, v4Bytes(base), prefix));
}

/** The IPv4 address an IPv6 one stands for, if any: ::ffff:a.b.c.d, 64:ff9b::a.b.c.d, 2002:AABB:CCDD::. */
function embeddedV4(bytes: number[]): number[] | null {
  if (inPrefix(bytes, v6Bytes("::ffff:0:0"), 96)) return bytes.slice(12);
  if (inPrefix(bytes, v6Bytes("64:ff9b::"), 96)) return bytes.slice(12);
  if (inPrefix(bytes, v6Bytes("2002::"), 16)) return bytes.slice(2, 6);
  return null;
}

/** True when a webhook must not be sent to this IP address in production; also for non-addresses. */
export function isForbiddenAddress(address: string): boolean {
  if (isIPv4(address)) return forbiddenV4(v4Bytes(address));
  if (!isIPv6(address)) return true;
  const bytes = v6Bytes(address);
  const v4 = embeddedV4(bytes);
  if (v4) return forbiddenV4(v4);
  return FORBIDDEN_V6.some(([base, prefix]) => inPrefix(bytes, v6Bytes(base), prefix));
}
