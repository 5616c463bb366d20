/**
 * The real client address. Forwarded-for headers are attacker-controlled unless a proxy we trust
 * appended them, so they count only when the TCP peer is one of TRUSTED_PROXIES; then the
 * rightmost address that is not itself a trusted proxy is the client.
 * Our server (scripts/server.ts) resolves this once per request and overwrites x-forwarded-for
 * with the result, so application code can read that header as the truth.
 */
export function resolveClientIp(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: readonly string[],
): string | null {
  const peer = normalizeAddress(socketAddress);
  if (!peer) return null;
  if (!trustedProxies.includes(peer)) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header
    .split(",")
    .map((part) => normalizeAddress(part.trim()))
    .filter((part): part is string => Boolean(part));
  for (let index = hops.length - 1; index >= 0; index--) {
    if (!trustedProxies.includes(hops[index]!)) return hops[index]!;
  }
  return peer;
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; anything that is not an address → null. */
export function normalizeAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  const address = raw.startsWith("::ffff:") ? raw.slice(7) : raw;
  return /^[0-9a-fA-F:.]{2,45}$/.test(address) ? address : null;
}

export const CLIENT_IP_HEADER = "x-forwarded-for";

/** Reads the address our server resolved (see above). */
export function clientIpFromHeaders(
  headers: Headers | Record<string, string | string[] | undefined>,
): string | null {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  return normalizeAddress(Array.isArray(value) ? value[0] : (value ?? undefined));
}
