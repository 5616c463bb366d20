import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessionExpired } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formData, revalidated, signedInAs } from "@/lib/testing/action-session";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { bearer, createTestApiClient } from "./api-keys.fixtures";
import { createClient, createKey, revokeKey } from "./actions";
import { authenticateApiKey } from "./authenticate";

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

withTestDatabase();

beforeEach(() => {
  vi.mocked(getCurrentUser).mockReset();
});

describe("API key actions", () => {
  it("refuse a signed-out visitor and any non-admin before doing anything", async () => {
    const { client, key } = await createTestApiClient();
    const attempts = () => [
      createClient(null, formData({ kind: "PARTNER", name: "Mallory", contactEmail: "m@m.example" })),
      createKey(null, formData({ clientId: client.id, name: "k", scopes: ["applications:read"] })),
      revokeKey(null, formData({ keyId: key.id })),
    ];
    vi.mocked(getCurrentUser).mockResolvedValue(null);
    for (const result of await Promise.all(attempts())) expect(result).toEqual(sessionExpired());
    for (const role of ["APPLICANT", "REVIEWER", "SUPERVISOR"] as const) {
      await signedInAs(role);
      for (const result of await Promise.all(attempts()))
        expect(result).toEqual({ ok: false, message: "errors.notAuthorized" });
    }
    expect(await db.apiClient.count({ where: { name: "Mallory" } })).toBe(0);
    expect(await db.apiKey.count({ where: { clientId: client.id } })).toBe(1);
    expect((await authenticateApiKey(bearer(key.secret), new Date())).ok).toBe(true);
  });

  it("let an admin create a partner and a key, whose secret comes back once and works until revoked", async () => {
    await signedInAs("ADMIN");
    const made = await createClient(
      null,
      formData({ kind: "PARTNER", name: "Hospital", contactEmail: " IT@Hospital.Example " }),
    );
    expect(made).toMatchObject({ ok: true, data: { name: "Hospital" } });
    const clientId = made.ok ? made.data.id : "";
    expect(
      await db.apiClient.findUniqueOrThrow({ where: { id: clientId }, select: { contactEmail: true } }),
    ).toEqual({ contactEmail: "it@hospital.example" });
    revalidated();
    const key = await createKey(
      null,
      formData({
        clientId,
        name: "production",
        scopes: ["applications:write", "applications:read"],
        expiresOn: "2999-12-31",
        utcOffsetMinutes: "480",
        rateLimitPerMinute: "300",
      }),
    );
    expect(revalidated()).toEqual([["/console/admin/api-keys"]]);
    if (!key.ok) throw new Error(key.message);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: key.data.id } });
    expect(stored).toMatchObject({
      scopes: ["applications:write", "applications:read"],
      rateLimitPerMinute: 300,
      expiresAt: new Date("2999-12-31T15:59:59.999Z"),
    });
    expect((await authenticateApiKey(bearer(key.data.secret), new Date())).ok).toBe(true);
    expect(await revokeKey(null, formData({ keyId: key.data.id }))).toMatchObject({ ok: true });
    expect(await authenticateApiKey(bearer(key.data.secret), new Date())).toEqual({
      ok: false,
      reason: "revoked",
    });
  });

  it("answer bad input with localized field errors, never a 500", async () => {
    await signedInAs("ADMIN");
    const { client } = await createTestApiClient({ kind: "PARTNER" });
    expect(
      await createKey(null, formData({ clientId: client.id, name: "k", scopes: ["cases:transition"] })),
    ).toEqual({
      ok: false,
      message: "errors.checkFields",
      fieldErrors: { scopes: ["admin.apiKeys.errors.partnerTransition"] },
    });
    expect(
      await createKey(
        null,
        formData({ clientId: client.id, name: "k", scopes: ["applications:read"], expiresOn: "2020-02-30" }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { expiresOn: ["admin.apiKeys.errors.expiryInvalid"] } });
    expect(
      await createKey(
        null,
        formData({ clientId: client.id, name: "k", scopes: ["applications:read"], expiresOn: "2020-02-01" }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { expiresOn: ["admin.apiKeys.errors.expiryPast"] } });
    expect(await revokeKey(null, formData({ keyId: "00000000-0000-4000-8000-000000000000" }))).toEqual({
      ok: false,
      message: "admin.apiKeys.errors.notFound",
    });
    expect(
      await createClient(
        null,
        formData({ kind: "INTERNAL", name: "n", contactEmail: "a@b.example", actsAsUserId: "x" }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { actsAsUserId: ["admin.apiKeys.errors.staffRequired"] } });
  });
});
