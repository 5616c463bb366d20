// Test-only: API callers arranged directly in the database (a client, one key, its account), so the
// application endpoints' tests do not depend on how keys are issued or authenticated.
import { randomUUID } from "node:crypto";
import type { ApiCaller } from "@/lib/api/caller";
import { generateApiKeySecret } from "@/lib/api-keys/secret";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestUser } from "@/lib/testing/fixtures";

type Options = { scopes?: readonly ApiScope[]; role?: Role; userId?: string };

async function client(kind: "PARTNER" | "INTERNAL", userId: string, scopes: readonly ApiScope[]) {
  const { secret, prefix, secretHash } = generateApiKeySecret();
  const created = await db.apiClient.create({
    data: {
      name: `${kind.toLowerCase()}-${randomUUID().slice(0, 8)}`,
      kind,
      userId,
      contactEmail: `${randomUUID()}@partner.test`,
      keys: {
        create: {
          name: "test",
          prefix,
          secretHash,
          scopes: [...scopes],
        },
      },
    },
    select: { id: true, keys: { select: { id: true } } },
  });
  return { clientId: created.id, keyId: created.keys[0]!.id, secret };
}

/** A partner organisation: its own confirmed applicant account, a client and a key. */
export type TestCaller = ApiCaller & { secret: string };

export async function createPartnerCaller(options: Options = {}): Promise<TestCaller> {
  const account = await createTestUser("APPLICANT", { emailConfirmedAt: new Date() });
  const scopes = options.scopes ?? API_SCOPES;
  const { clientId, keyId, secret } = await client("PARTNER", account.id, scopes);
  return {
    secret,
    keyId,
    clientId,
    kind: "PARTNER",
    scopes,
    viewer: { id: account.id, role: "APPLICANT" },
    rateLimitPerMinute: null,
  };
}

/** An internal system acting as a staff member (a supervisor unless `role` says otherwise). */
export async function createInternalCaller(options: Options = {}): Promise<TestCaller> {
  const role = options.role ?? "SUPERVISOR";
  const userId = options.userId ?? (await createTestUser(role)).id;
  const scopes = options.scopes ?? API_SCOPES;
  const { clientId, keyId, secret } = await client("INTERNAL", userId, scopes);
  return {
    secret,
    keyId,
    clientId,
    kind: "INTERNAL",
    scopes,
    viewer: { id: userId, role },
    rateLimitPerMinute: null,
  };
}

/** A valid POST /api/v1/applications body for the seeded passport-renewal service, needed in 20 days. */
export function applicationRequestBody(overrides: Record<string, unknown> = {}) {
  return {
    serviceCode: "passport-renewal",
    tier: "URGENT",
    neededBy: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    utcOffsetMinutes: 480,
    reason: "My mother is in hospital abroad and I must travel to her; the hospital letter is attached.",
    applicant: { name: "王小明", idType: "PASSPORT", idNumber: "E12345678" },
    contact: { phone: "+86 138 0013 8000", email: "traveller@test.example", locale: "en" },
    triage: {
      consequence: "HEALTH_OR_SAFETY",
      fixedDate: "NONE",
      healthOrSafety: true,
      affected: "DEPENDANTS",
    },
    ...overrides,
  };
}

/** A small real PDF (the sniffer accepts it); unique bytes unless `text` is given. */
export function pdfBytes(text: string = randomUUID()): Uint8Array {
  return new Uint8Array(Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`));
}

/** The three files passport-renewal requires. */
export function passportFiles() {
  return (["ID_PROOF", "URGENCY_PROOF", "OTHER"] as const).map((kind) => ({
    kind,
    originalName: `${kind.toLowerCase()}.pdf`,
    bytes: pdfBytes(),
  }));
}
