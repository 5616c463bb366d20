// API clients and keys arranged directly, for integration tests of the partner API (decision 037).
import { randomUUID } from "node:crypto";
import type { ApiCaller } from "@/lib/api/caller";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { NO_PASSWORD } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestUser } from "@/lib/testing/fixtures";
import { partnerAccountEmail } from "./mutations";
import { scopesAllowedFor } from "./schema";
import { generateApiKeySecret } from "./secret";

export type TestApiClientOptions = {
  kind?: "PARTNER" | "INTERNAL";
  /** By default every scope the kind may have. */
  scopes?: readonly ApiScope[];
  name?: string;
  /** INTERNAL: the staff member it acts as; by default a new active user of `staffRole`. */
  actsAsUserId?: string;
  staffRole?: Role;
  expiresAt?: Date | null;
  revokedAt?: Date | null;
  rateLimitPerMinute?: number | null;
};

export type TestApiClient = {
  client: { id: string; kind: "PARTNER" | "INTERNAL"; userId: string; name: string };
  key: { id: string; secret: string; prefix: string };
  /** What authenticateApiKey answers for `Bearer ${key.secret}` while the key is valid. */
  caller: ApiCaller;
};

/**
 * A client with one key, whose secret is returned (as the console shows it once). Scopes are not
 * checked against the kind here, so tests can arrange what the console refuses (a partner key that
 * may transition) and see the API refuse it anyway.
 */
export async function createTestApiClient(options: TestApiClientOptions = {}): Promise<TestApiClient> {
  const kind = options.kind ?? "PARTNER";
  const clientId = randomUUID();
  const name = options.name ?? `client-${clientId.slice(0, 8)}`;
  const user =
    kind === "PARTNER"
      ? await db.user.create({
          data: {
            email: partnerAccountEmail(clientId),
            displayName: name,
            role: "APPLICANT",
            passwordHash: NO_PASSWORD,
          },
          select: { id: true, role: true },
        })
      : options.actsAsUserId
        ? await db.user.findUniqueOrThrow({
            where: { id: options.actsAsUserId },
            select: { id: true, role: true },
          })
        : await createTestUser(options.staffRole ?? "REVIEWER");
  await db.apiClient.create({
    data: { id: clientId, name, kind, userId: user.id, contactEmail: `${clientId}@client.example` },
    select: { id: true },
  });
  const scopes = [...(options.scopes ?? scopesAllowedFor(kind))];
  const { secret, prefix, secretHash } = generateApiKeySecret();
  const key = await db.apiKey.create({
    data: {
      clientId,
      name: "test key",
      prefix,
      secretHash,
      scopes,
      expiresAt: options.expiresAt ?? null,
      revokedAt: options.revokedAt ?? null,
      rateLimitPerMinute: options.rateLimitPerMinute ?? null,
    },
    select: { id: true },
  });
  return {
    client: { id: clientId, kind, userId: user.id, name },
    key: { id: key.id, secret, prefix },
    caller: {
      keyId: key.id,
      clientId,
      kind,
      scopes: scopes.filter((scope): scope is ApiScope => (API_SCOPES as readonly string[]).includes(scope)),
      viewer: { id: user.id, role: user.role },
      rateLimitPerMinute: options.rateLimitPerMinute ?? null,
    },
  };
}

/** `Authorization` header value for a key's secret. */
export const bearer = (secret: string) => `Bearer ${secret}`;
