import { isIP } from "node:net";
import type { TrustedProxies } from "./trusted-proxies";

/**
 * The real client address. Forwarded-for headers are attacker-controlled unless a proxy we trust
 * appended them, so they count only when the TCP peer is one of TRUSTED_PROXIES. Then the header is
 * walked from the right (each proxy appends the address it saw): trusted hops are skipped, and the
 * first hop that is not trusted is the client. Everything left of it was written by that client
 * and is ignored. An entry that is not an address stops the walk at the last trusted hop: whoever
 * wrote it is not someone we can vouch for.
 * Our server (scripts/server.ts) resolves this once per request and overwrites x-forwarded-for
 * with the result, so application code can read that header as the truth.
 */
export function resolveClientIp(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string | null {
  const peer = normalizeAddress(socketAddress);
  if (!peer) return null;
  if (!trusted.contains(peer)) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header.split(",").map((part) => part.trim());
  let nearest = peer;
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = normalizeAddress(hops[index]);
    if (!hop) break;
    if (!trusted.contains(hop)) return hop;
    nearest = hop;
  }
  return nearest;
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; IPv6 in lower case; anything that is not an address → null. */
export function normalizeAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(raw);
  const address = mapped ? mapped[1]! : raw;
  const family = isIP(address);
  if (family === 0) return null;
  return family === 6 ? address.toLowerCase() : address;
}

export const CLIENT_IP_HEADER = "x-forwarded-for";

/** Reads the address our server resolved (see above). */
export function clientIpFromHeaders(
  headers: Headers | Record<string, string | string[] | undefined>,
): string | null {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  return normalizeAddress(Array.isArray(value) ? value[0] : (value ?? undefined));
}
