import type { IncomingHttpHeaders } from "node:http";

/**
 * Headers a proxy uses to tell us what the client addressed. From anyone but a proxy we trust
 * (TRUSTED_PROXIES) they are lies waiting to happen: X-Forwarded-Host would move Next's idea of
 * our host (redirects, the Server Action origin check), X-Forwarded-Proto would claim https.
 */
const FORWARDING_HEADERS = [
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
] as const;

export function stripUntrustedForwarding(headers: IncomingHttpHeaders, peerIsTrusted: boolean): void {
  if (peerIsTrusted) return;
  for (const name of FORWARDING_HEADERS) delete headers[name];
}

/**
 * Whether the client reached us over https: our own TLS socket, or a trusted proxy saying so
 * (call after stripUntrustedForwarding, so the header can only have come from one).
 */
export function servedOverHttps(headers: IncomingHttpHeaders, socketEncrypted: boolean): boolean {
  if (socketEncrypted) return true;
  const proto = headers["x-forwarded-proto"];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}

/** Two years, subdomains included: sent only on responses that travelled over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
