import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/mutations";
import { NO_PASSWORD } from "@/lib/auth/password";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { PARTNER_FORBIDDEN_SCOPES, type CreateApiClientInput, type CreateApiKeyInput } from "./schema";
import { generateApiKeySecret } from "./secret";

type Tx = Prisma.TransactionClient;

const isUuid = (value: string) => z.uuid().safeParse(value).success;

export const CLIENT_NOT_FOUND = "admin.apiKeys.errors.notFound";

/** The address of a partner's own account: `.invalid` can never receive mail (RFC 2606). */
export function partnerAccountEmail(clientId: string): string {
  return `partner-${clientId}@partners.invalid`;
}

/**
 * A PARTNER gets its own applicant account: its cases are filed under it, so every rule that keeps
 * applicants to their own cases keeps the partner to its own. The account has no password (it can
 * never sign in) and a confirmed address (it may file). An INTERNAL client acts as an active staff member.
 */
export async function createApiClient(
  viewer: Viewer,
  input: CreateApiClientInput,
  now: Date = new Date(),
): Promise<{ id: string }> {
  assertArea(viewer, "admin");
  return db.$transaction(async (tx) => {
    const clientId = randomUUID();
    const userId =
      input.kind === "PARTNER" ? await createPartnerAccount(tx, clientId, input.name, now) : null;
    const actsAs = input.kind === "INTERNAL" ? await lockActiveStaff(tx, input.actsAsUserId) : null;
    await tx.apiClient.create({
      data: {
        id: clientId,
        name: input.name,
        kind: input.kind,
        contactEmail: input.contactEmail,
        userId: (userId ?? actsAs)!,
        createdById: viewer.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "apiKey.clientCreated",
      entityType: "api_client",
      entityId: clientId,
      details: {
        name: input.name,
        kind: input.kind,
        contactEmail: input.contactEmail,
        ...(actsAs ? { actsAs } : {}),
      },
      createdAt: now,
    });
    return { id: clientId };
  });
}

async function createPartnerAccount(tx: Tx, clientId: string, name: string, now: Date): Promise<string> {
  const user = await tx.user.create({
    data: {
      email: partnerAccountEmail(clientId),
      displayName: name,
      role: "APPLICANT",
      passwordHash: NO_PASSWORD,
      emailConfirmedAt: now,
    },
    select: { id: true },
  });
  return user.id;
}

/** Shares the row lock, so a deactivation at the same moment waits and the client never names a leaver. */
async function lockActiveStaff(tx: Tx, userId: string): Promise<string> {
  if (!isUuid(userId))
    throw new UserFacingError("errors.checkFields", { actsAsUserId: ["admin.apiKeys.errors.staffInvalid"] });
  const rows = await tx.$queryRaw<{ id: string; role: Role; active: boolean }[]>`
    SELECT id, role::text AS role, active FROM "user" WHERE id = ${userId}::uuid FOR SHARE`;
  const row = rows[0];
  if (!row || !row.active || !STAFF_ROLES.includes(row.role))
    throw new UserFacingError("errors.checkFields", { actsAsUserId: ["admin.apiKeys.errors.staffInvalid"] });
  return row.id;
}

/** The secret is returned here once; only its prefix and SHA-256 are stored. */
export async function createApiKey(
  viewer: Viewer,
  input: CreateApiKeyInput,
  now: Date = new Date(),
): Promise<{ id: string; prefix: string; secret: string }> {
  assertArea(viewer, "admin");
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime())
    throw new UserFacingError("errors.checkFields", { expiresOn: ["admin.apiKeys.errors.expiryPast"] });
  if (!isUuid(input.clientId)) throw new UserFacingError(CLIENT_NOT_FOUND);
  return db.$transaction(async (tx) => {
    const client = await tx.apiClient.findUnique({
      where: { id: input.clientId },
      select: { id: true, kind: true },
    });
    if (!client) throw new UserFacingError(CLIENT_NOT_FOUND);
    if (client.kind === "PARTNER" && input.scopes.some((scope) => PARTNER_FORBIDDEN_SCOPES.includes(scope)))
      throw new UserFacingError("errors.checkFields", { scopes: ["admin.apiKeys.errors.partnerTransition"] });
    const { secret, prefix, secretHash } = generateApiKeySecret();
    // 62^8 prefixes: a clash is a unique violation that fails this one creation, never a shared prefix.
    const key = await tx.apiKey.create({
      data: {
        clientId: client.id,
        name: input.name,
        prefix,
        secretHash,
        scopes: [...input.scopes],
        expiresAt: input.expiresAt,
        rateLimitPerMinute: input.rateLimitPerMinute,
        createdById: viewer.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "apiKey.created",
      entityType: "api_key",
      entityId: key.id,
      details: {
        client: client.id,
        name: input.name,
        prefix,
        scopes: [...input.scopes],
        expiresAt: input.expiresAt?.toISOString() ?? null,
        rateLimitPerMinute: input.rateLimitPerMinute,
      },
      createdAt: now,
    });
    return { id: key.id, prefix, secret };
  });
}

/** Takes effect on the next request: authentication reads the key on every call. Revoking twice is a no-op. */
export async function revokeApiKey(
  viewer: Viewer,
  keyId: string,
  now: Date = new Date(),
): Promise<{ prefix: string; alreadyRevoked: boolean }> {
  assertArea(viewer, "admin");
  if (!isUuid(keyId)) throw new UserFacingError(CLIENT_NOT_FOUND);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; prefix: string; revoked_at: Date | null }[]>`
      SELECT id, prefix, revoked_at FROM api_key WHERE id = ${keyId}::uuid FOR UPDATE`;
    const key = rows[0];
    if (!key) throw new UserFacingError(CLIENT_NOT_FOUND);
    if (key.revoked_at) return { prefix: key.prefix, alreadyRevoked: true };
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: now }, select: { id: true } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "apiKey.revoked",
      entityType: "api_key",
      entityId: key.id,
      details: { prefix: key.prefix },
      createdAt: now,
    });
    return { prefix: key.prefix, alreadyRevoked: false };
  });
}

/** Marks the key used, at most once a minute: a busy key costs one write a minute, not one per call. */
export async function markApiKeyUsed(keyId: string, now: Date): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE api_key SET last_used_at = ${now}
     WHERE id = ${keyId}::uuid
       AND (last_used_at IS NULL OR last_used_at < ${now}::timestamptz - interval '1 minute')`;
  return updated > 0;
}
