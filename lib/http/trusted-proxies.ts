import { BlockList, isIP } from "node:net";
import { z } from "zod";

/**
 * The proxies whose forwarding headers we believe (TRUSTED_PROXIES): single addresses and CIDR
 * ranges, IPv4 and IPv6. Matching is node's BlockList, which also matches an IPv4-mapped IPv6 peer
 * (::ffff:10.0.0.2, as a dual-stack socket reports it) against an IPv4 entry and the reverse.
 */
export type TrustedProxies = {
  /** The entries as written, for messages. */
  readonly entries: readonly string[];
  contains(address: string | null | undefined): boolean;
};

type Parsed = { ok: true; value: TrustedProxies } | { ok: false; problems: string[] };

const EXAMPLE = "e.g. 10.0.0.0/8, 127.0.0.1, ::1 or fd00::/8";

/** "10.0.0.0/8, ::1" → a matcher; every unusable entry is named in `problems`. */
export function parseTrustedProxies(text: string): Parsed {
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const list = new BlockList();
  const problems: string[] = [];
  for (const entry of entries) {
    const problem = addEntry(list, entry);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      entries,
      contains(address) {
        const family = address ? isIP(address) : 0;
        return family !== 0 && list.check(address!, family === 4 ? "ipv4" : "ipv6");
      },
    },
  };
}

function addEntry(list: BlockList, entry: string): string | undefined {
  const [address = "", prefix, ...extra] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || extra.length > 0) return `"${entry}" is not an IP address or CIDR range (${EXAMPLE})`;
  const type = family === 4 ? "ipv4" : "ipv6";
  if (prefix === undefined) {
    list.addAddress(address, type);
    return undefined;
  }
  const bits = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits)
    return `"${entry}" has an invalid prefix length (0 to ${bits} for IPv${family})`;
  // 0.0.0.0/0 or ::/0 would let every client choose its own address: never what anyone means.
  if (Number(prefix) === 0) return `"${entry}" would trust every address`;
  list.addSubnet(address, Number(prefix), type);
  return undefined;
}

/** For tests and callers with fixed values: throws on a bad entry. */
export function trustedProxies(text: string): TrustedProxies {
  const parsed = parseTrustedProxies(text);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return parsed.value;
}

export const NO_TRUSTED_PROXIES: TrustedProxies = trustedProxies("");

/** TRUSTED_PROXIES as lib/env.ts and the production schema read it; unset or empty trusts no one. */
export const trustedProxiesSchema = z
  .string()
  .optional()
  .transform((text, context): TrustedProxies => {
    const parsed = parseTrustedProxies(text ?? "");
    if (parsed.ok) return parsed.value;
    for (const problem of parsed.problems) context.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  });
