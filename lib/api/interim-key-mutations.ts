import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { ApiAuthentication } from "./caller";
import { isApiScope } from "./scopes";

// INTERIM (replaced by lib/api-keys at merge): finds a key by the SHA-256 of the whole secret.
export async function authenticateApiKey(
  authorization: string | null,
  now: Date,
): Promise<ApiAuthentication> {
  if (!authorization) return { ok: false, reason: "missing" };
  const match = /^Bearer ([\x21-\x7e]{16,200})$/.exec(authorization);
  if (!match) return { ok: false, reason: "malformed" };
  const secretHash = createHash("sha256").update(match[1]!).digest("hex");
  const key = await db.apiKey.findFirst({
    where: { secretHash },
    include: { client: { include: { user: { select: { id: true, role: true, active: true } } } } },
  });
  if (!key) return { ok: false, reason: "unknown" };
  if (key.revokedAt) return { ok: false, reason: "revoked" };
  if (key.expiresAt && key.expiresAt <= now) return { ok: false, reason: "expired" };
  if (!key.client.user.active) return { ok: false, reason: "inactive" };
  return {
    ok: true,
    caller: {
      keyId: key.id,
      clientId: key.clientId,
      kind: key.client.kind,
      scopes: key.scopes.filter(isApiScope),
      viewer: { id: key.client.user.id, role: key.client.user.role },
      rateLimitPerMinute: key.rateLimitPerMinute,
    },
  };
}
