import "server-only";
import type { ApiAuthentication } from "@/lib/api/caller";
import { isApiScope } from "@/lib/api/scopes";
import { isStaff } from "@/lib/auth/roles";
import { findKeyForAuthentication } from "./data";
import { markApiKeyUsed } from "./mutations";
import { parseAuthorization, secretMatches } from "./secret";

/**
 * The partner API's caller from an `Authorization` header (decision 037). The secret is checked
 * before anything about the key is told (revoked, expired), so only its holder learns those. The
 * viewer carries the account's role as it is now: a staff member's new role applies to their system at once.
 */
export async function authenticateApiKey(
  authorization: string | null,
  now: Date,
): Promise<ApiAuthentication> {
  const parsed = parseAuthorization(authorization);
  if (!parsed.ok) return parsed;
  const key = await findKeyForAuthentication(parsed.prefix);
  if (!key || !secretMatches(parsed.secret, key.secretHash)) return { ok: false, reason: "unknown" };
  if (key.revokedAt) return { ok: false, reason: "revoked" };
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  const { client } = key;
  const { user } = client;
  // A partner acts as its own applicant account; an internal system only as someone still on the staff.
  const fitting = client.kind === "PARTNER" ? user.role === "APPLICANT" : isStaff(user.role);
  if (!user.active || !fitting) return { ok: false, reason: "inactive" };
  await markApiKeyUsed(key.id, now);
  return {
    ok: true,
    caller: {
      keyId: key.id,
      clientId: client.id,
      kind: client.kind,
      scopes: key.scopes.filter(isApiScope),
      viewer: { id: user.id, role: user.role },
      rateLimitPerMinute: key.rateLimitPerMinute,
    },
  };
}
