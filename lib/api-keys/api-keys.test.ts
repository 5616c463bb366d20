import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { NO_PASSWORD } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import { createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { bearer, createTestApiClient } from "./api-keys.fixtures";
import { authenticateApiKey } from "./authenticate";
import { listApiClients } from "./data";
import { createApiClient, createApiKey, revokeApiKey } from "./mutations";

withTestDatabase();

const NOW = new Date("2026-12-05T08:00:00Z");
const MINUTE = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);

async function admin() {
  return createTestUser("ADMIN");
}

async function partnerKey(scopes = ["applications:write", "applications:read"] as const) {
  const viewer = await admin();
  const client = await createApiClient(
    viewer,
    { kind: "PARTNER", name: "Travel Agency", contactEmail: "ops@agency.example" },
    NOW,
  );
  const key = await createApiKey(
    viewer,
    { clientId: client.id, name: "production", scopes, expiresAt: null, rateLimitPerMinute: 120 },
    NOW,
  );
  return { viewer, client, key };
}

describe("API clients and keys", () => {
  it("give a partner its own applicant account that can file but never sign in", async () => {
    const { client, viewer } = await partnerKey();
    const row = await db.apiClient.findUniqueOrThrow({
      where: { id: client.id },
      select: {
        kind: true,
        createdById: true,
        user: {
          select: { email: true, role: true, emailConfirmedAt: true, passwordHash: true, active: true },
        },
      },
    });
    expect(row).toMatchObject({
      kind: "PARTNER",
      createdById: viewer.id,
      user: { email: `partner-${client.id}@partners.invalid`, role: "APPLICANT", active: true },
    });
    expect(row.user.emailConfirmedAt).toEqual(NOW);
    expect(row.user.passwordHash).toBe(NO_PASSWORD);
    for (const password of ["", NO_PASSWORD, "a long password 2026"])
      expect(await authenticate({ email: row.user.email, password }, null, NOW)).toEqual({
        ok: false,
        reason: "invalid",
      });
  });

  it("show the secret once, store only its prefix and SHA-256, and let it authenticate", async () => {
    const { client, key } = await partnerKey();
    expect(key.secret).toMatch(/^exp_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(stored.prefix).toBe(key.secret.slice(0, 12));
    expect(JSON.stringify(stored)).not.toContain(key.secret.slice(13));
    const audit = await db.auditLog.findMany({
      where: { entityId: { in: [key.id, client.id] } },
      select: { action: true, details: true },
    });
    expect(audit.map((row) => row.action).sort()).toEqual(["apiKey.clientCreated", "apiKey.created"]);
    expect(JSON.stringify(audit)).not.toContain(key.secret.slice(13));

    const account = await db.apiClient.findUniqueOrThrow({
      where: { id: client.id },
      select: { userId: true },
    });
    expect(await authenticateApiKey(bearer(key.secret), at(1))).toEqual({
      ok: true,
      caller: {
        keyId: key.id,
        clientId: client.id,
        kind: "PARTNER",
        scopes: ["applications:write", "applications:read"],
        viewer: { id: account.userId, role: "APPLICANT" },
        rateLimitPerMinute: 120,
      },
    });
  });

  it("refuse a wrong secret, an unknown prefix and a malformed or missing header", async () => {
    const { key } = await partnerKey();
    const last = key.secret.at(-1) === "a" ? "b" : "a";
    expect(await authenticateApiKey(bearer(`${key.secret.slice(0, -1)}${last}`), NOW)).toEqual({
      ok: false,
      reason: "unknown",
    });
    const otherPrefix = `exp_${key.prefix.slice(4, 11)}${key.prefix.at(-1) === "Z" ? "Y" : "Z"}`;
    expect(await authenticateApiKey(bearer(`${otherPrefix}${key.secret.slice(12)}`), NOW)).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(await authenticateApiKey(`Basic ${key.secret}`, NOW)).toEqual({ ok: false, reason: "malformed" });
    expect(await authenticateApiKey(key.secret, NOW)).toEqual({ ok: false, reason: "malformed" });
    expect(await authenticateApiKey(null, NOW)).toEqual({ ok: false, reason: "missing" });
  });

  it("stop a revoked key at once, and audit the revocation once", async () => {
    const { viewer, key } = await partnerKey();
    expect((await authenticateApiKey(bearer(key.secret), NOW)).ok).toBe(true);
    expect(await revokeApiKey(viewer, key.id, at(1))).toEqual({ prefix: key.prefix, alreadyRevoked: false });
    expect(await authenticateApiKey(bearer(key.secret), at(1))).toEqual({ ok: false, reason: "revoked" });
    expect(await revokeApiKey(viewer, key.id, at(2))).toEqual({ prefix: key.prefix, alreadyRevoked: true });
    expect(await db.auditLog.count({ where: { entityId: key.id, action: "apiKey.revoked" } })).toBe(1);
  });

  it("refuse an expiry in the past, and an expired key", async () => {
    const viewer = await admin();
    const { client } = await createTestApiClient();
    const input = {
      clientId: client.id,
      name: "k",
      scopes: ["applications:read" as const],
      rateLimitPerMinute: null,
    };
    await expect(createApiKey(viewer, { ...input, expiresAt: NOW }, NOW)).rejects.toMatchObject({
      fieldErrors: { expiresOn: ["admin.apiKeys.errors.expiryPast"] },
    });
    const key = await createApiKey(viewer, { ...input, expiresAt: at(60) }, NOW);
    expect((await authenticateApiKey(bearer(key.secret), at(59))).ok).toBe(true);
    expect(await authenticateApiKey(bearer(key.secret), at(60))).toEqual({ ok: false, reason: "expired" });
  });

  it("let a partner have no key that moves cases; an internal system may", async () => {
    const viewer = await admin();
    const partner = await createTestApiClient({ kind: "PARTNER" });
    const internal = await createTestApiClient({ kind: "INTERNAL" });
    const input = {
      name: "k",
      scopes: ["cases:transition" as const],
      expiresAt: null,
      rateLimitPerMinute: null,
    };
    await expect(createApiKey(viewer, { ...input, clientId: partner.client.id }, NOW)).rejects.toMatchObject({
      fieldErrors: { scopes: ["admin.apiKeys.errors.partnerTransition"] },
    });
    expect(await db.apiKey.count({ where: { clientId: partner.client.id } })).toBe(1);
    const key = await createApiKey(viewer, { ...input, clientId: internal.client.id }, NOW);
    expect(await authenticateApiKey(bearer(key.secret), NOW)).toMatchObject({
      ok: true,
      caller: { kind: "INTERNAL", scopes: ["cases:transition"] },
    });
  });

  it("act as the staff member's current role, and refuse once they are deactivated", async () => {
    const viewer = await admin();
    const reviewer = await createTestUser("REVIEWER");
    const client = await createApiClient(
      viewer,
      {
        kind: "INTERNAL",
        name: "Review system",
        contactEmail: "it@ministry.example",
        actsAsUserId: reviewer.id,
      },
      NOW,
    );
    const key = await createApiKey(
      viewer,
      {
        clientId: client.id,
        name: "k",
        scopes: ["cases:transition"],
        expiresAt: null,
        rateLimitPerMinute: null,
      },
      NOW,
    );
    expect(await authenticateApiKey(bearer(key.secret), NOW)).toMatchObject({
      ok: true,
      caller: { viewer: { id: reviewer.id, role: "REVIEWER" } },
    });
    await db.user.update({ where: { id: reviewer.id }, data: { role: "SUPERVISOR" } });
    expect(await authenticateApiKey(bearer(key.secret), NOW)).toMatchObject({
      ok: true,
      caller: { viewer: { id: reviewer.id, role: "SUPERVISOR" } },
    });
    await db.user.update({ where: { id: reviewer.id }, data: { active: false } });
    expect(await authenticateApiKey(bearer(key.secret), NOW)).toEqual({ ok: false, reason: "inactive" });
  });

  it("let an internal system act only as active staff", async () => {
    const viewer = await admin();
    const applicant = await createTestUser("APPLICANT");
    const leaver = await createTestUser("REVIEWER", { active: false });
    for (const actsAsUserId of [applicant.id, leaver.id, "not-a-uuid"])
      await expect(
        createApiClient(
          viewer,
          { kind: "INTERNAL", name: "x", contactEmail: "x@x.example", actsAsUserId },
          NOW,
        ),
      ).rejects.toMatchObject({ fieldErrors: { actsAsUserId: ["admin.apiKeys.errors.staffInvalid"] } });
    expect(await db.apiClient.count({ where: { name: "x" } })).toBe(0);
  });

  it("refuse everyone but admins: create, key, revoke and list", async () => {
    const { key, client } = await partnerKey();
    for (const role of ["APPLICANT", "REVIEWER", "SUPERVISOR"] as const) {
      const viewer = await createTestUser(role);
      const attempts = [
        createApiClient(viewer, { kind: "PARTNER", name: "Mallory", contactEmail: "m@m.example" }, NOW),
        createApiKey(
          viewer,
          {
            clientId: client.id,
            name: "k",
            scopes: ["applications:read"],
            expiresAt: null,
            rateLimitPerMinute: null,
          },
          NOW,
        ),
        revokeApiKey(viewer, key.id, NOW),
        listApiClients(viewer, { page: 1 }),
      ];
      for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(NotAuthorizedError);
    }
    expect(await db.apiClient.count({ where: { name: "Mallory" } })).toBe(0);
    expect(await db.apiKey.count({ where: { clientId: client.id } })).toBe(1);
    expect((await authenticateApiKey(bearer(key.secret), NOW)).ok).toBe(true);
  });

  it("write the last use at most once a minute", async () => {
    const { key } = await partnerKey();
    const lastUsed = async () =>
      (await db.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: { lastUsedAt: true } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await authenticateApiKey(bearer(key.secret), at(0));
    expect(await lastUsed()).toEqual(at(0));
    await authenticateApiKey(bearer(key.secret), at(0.5));
    await authenticateApiKey(bearer(key.secret), at(1));
    expect(await lastUsed()).toEqual(at(0));
    await authenticateApiKey(bearer(key.secret), at(1.5));
    expect(await lastUsed()).toEqual(at(1.5));
  });

  it("list clients newest first, a page at a time, with their keys and never a hash", async () => {
    const viewer = await admin();
    const { client, key } = await partnerKey();
    const list = await listApiClients(viewer, { page: 1 });
    const listed = list.items.find((item) => item.id === client.id);
    expect(listed?.keys).toEqual([
      expect.objectContaining({ id: key.id, prefix: key.prefix, revokedAt: null, lastUsedAt: null }),
    ]);
    expect(JSON.stringify(list)).not.toContain("secretHash");
    expect(list.items.length).toBeLessThanOrEqual(10);
    expect(list.pageCount).toBe(Math.max(1, Math.ceil(list.total / 10)));
  });
});
