import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isForbiddenAddress } from "./address-rules";

/**
 * Where webhooks may go. In production only https, and only public addresses (SSRF); elsewhere
 * (development, tests) http and loopback too, so a local receiver works. Passed in, never read from
 * the environment here, so a test can ask for production's rules without touching process.env.
 */
export type UrlPolicy = {
  production: boolean;
  /**
   * Hosts (names or addresses, lower case) the operator trusts on the internal network
   * (WEBHOOK_TRUSTED_HOSTS): exempt from the https and public-address rules.
   */
  trustedHosts?: readonly string[];
  /** Resolves a host name to all its addresses; tests pass a fake one. */
  lookup?: (host: string) => Promise<string[]>;
};

export type UrlRefusal = "invalid" | "scheme" | "credentials" | "forbidden_address" | "unresolvable";

export type CheckedUrl =
  { ok: true; url: URL; host: string; addresses: string[] } | { ok: false; reason: UrlRefusal };

async function systemLookup(host: string): Promise<string[]> {
  const found = await dnsLookup(host, { all: true, verbatim: true });
  return found.map((entry) => entry.address);
}

function isTrusted(url: URL, policy: UrlPolicy): boolean {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return policy.trustedHosts?.includes(host) ?? false;
}

/** Syntax and scheme only: what a form can say without a DNS lookup. */
export function checkUrlShape(
  raw: string,
  policy: UrlPolicy,
): { ok: true; url: URL } | { ok: false; reason: UrlRefusal } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const strict = policy.production && !isTrusted(url, policy);
  const schemes = strict ? ["https:"] : ["https:", "http:"];
  if (!schemes.includes(url.protocol)) return { ok: false, reason: "scheme" };
  if (url.username || url.password) return { ok: false, reason: "credentials" };
  if (!url.hostname) return { ok: false, reason: "invalid" };
  return { ok: true, url };
}

/**
 * The URL checked and its host resolved: every address it resolves to must be allowed (a name
 * with one private address among public ones is refused). Called at registration and again before
 * every delivery, whose connection then goes to one of exactly these addresses (DNS rebinding).
 */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy): Promise<CheckedUrl> {
  const shape = checkUrlShape(raw, policy);
  if (!shape.ok) return shape;
  const host = shape.url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (policy.lookup ?? systemLookup)(host);
    } catch {
      return { ok: false, reason: "unresolvable" };
    }
    if (addresses.length === 0) return { ok: false, reason: "unresolvable" };
  }
  if (policy.production && !isTrusted(shape.url, policy) && addresses.some(isForbiddenAddress))
    return { ok: false, reason: "forbidden_address" };
  return { ok: true, url: shape.url, host, addresses };
}
