import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { seedDemoData } from "@/prisma/seed";
import { applicationRequestBody, createPartnerCaller, passportFiles, pdfBytes } from "./api-callers.fixtures";
import { ApiProblem } from "@/lib/api/problem";
import { IDEMPOTENCY_RETENTION_MS, pruneIdempotencyKeys } from "./idempotency-mutations";
import { fileApplication } from "./mutations";

// POST /api/v1/applications below the route: filing through createApplication under the partner's
// account, billing, idempotency and refusals that leave nothing behind.
process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "api-filing-"));
withTestDatabase();

beforeAll(async () => {
  await seedDemoData(db, { idHashKey: "k".repeat(32) });
});

const now = () => new Date();

function file(
  caller: Awaited<ReturnType<typeof createPartnerCaller>>,
  key: string,
  json: unknown = applicationRequestBody(),
  files = passportFiles(),
) {
  return fileApplication(caller, { json, files, idempotencyKey: key }, { now: now(), locale: "en" });
}

async function traces(caller: Awaited<ReturnType<typeof createPartnerCaller>>) {
  const [cases, drafts, keys] = await Promise.all([
    db.application.count({ where: { applicantId: caller.viewer.id } }),
    db.evidenceFile.count({ where: { uploaderId: caller.viewer.id } }),
    db.apiIdempotency.count({ where: { clientId: caller.clientId } }),
  ]);
  return { cases, drafts, keys };
}

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error instanceof ApiProblem) return error.code;
  if (error instanceof UserFacingError)
    return { messageKey: error.messageKey, fieldErrors: error.fieldErrors };
  throw error;
}

describe("filing through the API", () => {
  it("files under the partner's account, records client and key, bills the partner and attaches the files", async () => {
    const caller = await createPartnerCaller();
    const answer = await file(caller, `key-${randomUUID()}`);
    expect(answer.status).toBe(201);
    const body = answer.body as {
      number: string;
      payment: { status: string; provider: string };
      evidence: unknown[];
      fee: { totalMinor: number };
    };
    expect(body.payment).toMatchObject({ status: "PAID", provider: "partner-account" });
    expect(body.evidence).toHaveLength(3);
    const row = await db.application.findUniqueOrThrow({
      where: { number: body.number },
      select: {
        applicantId: true,
        apiClientId: true,
        apiKeyId: true,
        paymentStatus: true,
        locale: true,
        email: true,
      },
    });
    expect(row).toEqual({
      applicantId: caller.viewer.id,
      apiClientId: caller.clientId,
      apiKeyId: caller.keyId,
      paymentStatus: "PAID",
      locale: "en",
      email: "traveller@test.example",
    });
  });

  it("answers the same key and body with the same answer and one case", async () => {
    const caller = await createPartnerCaller();
    const key = `key-${randomUUID()}`;
    const json = applicationRequestBody();
    const files = passportFiles();
    const first = await file(caller, key, json, files);
    // The same data serialized in another key order is the same request.
    const reordered = Object.fromEntries(Object.entries(json).reverse());
    const second = await file(caller, key, reordered, [...files].reverse());
    expect(second).toEqual({ ...first, replayed: true });
    expect((await traces(caller)).cases).toBe(1);
  });

  it("refuses the same key with another body (422 idempotency_key_reused)", async () => {
    const caller = await createPartnerCaller();
    const key = `key-${randomUUID()}`;
    await file(caller, key);
    expect(await problemOf(file(caller, key, applicationRequestBody({ tier: "EXPRESS" })))).toBe(
      "idempotency_key_reused",
    );
    expect((await traces(caller)).cases).toBe(1);
  });

  it("makes exactly one case of ten concurrent requests with one key", async () => {
    const caller = await createPartnerCaller();
    const key = `key-${randomUUID()}`;
    const json = applicationRequestBody();
    const files = passportFiles();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        file(caller, key, json, files).then(
          (answer) => (answer.replayed ? "replayed" : "created"),
          (error: unknown) => (error instanceof ApiProblem ? error.code : String(error)),
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === "created")).toHaveLength(1);
    expect(
      outcomes.every((outcome) => ["created", "replayed", "idempotency_in_progress"].includes(outcome)),
    ).toBe(true);
    expect(await traces(caller)).toEqual({ cases: 1, drafts: 3, keys: 1 });
  });

  it("files while the partner's other submissions hold drafts: the web's draft allowance is not shared between requests", async () => {
    const caller = await createPartnerCaller();
    // As if ten files of other submissions were in flight (the web allows ten unsubmitted drafts).
    await db.evidenceFile.createMany({
      data: Array.from({ length: 10 }, (_, index) => ({
        uploaderId: caller.viewer.id,
        kind: "OTHER" as const,
        originalName: `in-flight-${index}.pdf`,
        mimeType: "application/pdf",
        sizeBytes: 3 * 1024 * 1024,
        sha256: randomUUID(),
        storageKey: randomUUID(),
      })),
    });
    expect((await file(caller, `key-${randomUUID()}`)).status).toBe(201);
  });

  it("keys of two partners never meet", async () => {
    const [a, b] = [await createPartnerCaller(), await createPartnerCaller()];
    const key = `shared-${randomUUID()}`;
    await file(a, key);
    const other = await file(b, key, applicationRequestBody({ tier: "EXPRESS" }));
    expect(other.status).toBe(201);
  });

  it("refuses bad values with the apply form's own messages, under the API's field names, and keeps nothing", async () => {
    const caller = await createPartnerCaller();
    const refused = await problemOf(
      file(
        caller,
        `key-${randomUUID()}`,
        applicationRequestBody({
          reason: "too short",
          applicant: { name: "王小明", idType: "CN_RESIDENT_ID", idNumber: "110101199001011234" },
          contact: { phone: "12", email: "traveller@test.example" },
        }),
      ),
    );
    expect(refused).toEqual({
      messageKey: "errors.checkFields",
      fieldErrors: expect.objectContaining({
        reason: ["apply.errors.reasonTooShort"],
        "applicant.idNumber": [expect.stringMatching(/^apply\.errors\.idNumber\./)],
        "contact.phone": ["apply.errors.phoneInvalid"],
      }),
    });
    expect(await traces(caller)).toEqual({ cases: 0, drafts: 0, keys: 0 });
  });

  it("refuses unknown fields, wrong types and hostile bytes, and keeps nothing", async () => {
    const caller = await createPartnerCaller();
    const hostile = [
      applicationRequestBody({ isAdmin: true }),
      applicationRequestBody({ tier: 3 }),
      applicationRequestBody({
        applicant: { name: "王小明", idType: "PASSPORT", idNumber: "E12345678", role: "ADMIN" },
      }),
      applicationRequestBody({ reason: `My mother is in hospital abroad and I must travel.\u0000<script>` }),
      applicationRequestBody({
        applicant: { name: "Robert'); DROP TABLE application;--", idType: "PASSPORT", idNumber: "E12345678" },
      }),
      [],
      "a string",
      null,
    ];
    for (const json of hostile) {
      const refused = await problemOf(file(caller, `key-${randomUUID()}`, json));
      // The API's shape check (types, unknown fields) or the apply form's values check (control characters).
      const shape = refused === "validation_failed";
      const values = typeof refused === "object" && refused.messageKey === "errors.checkFields";
      expect(shape || values, `${JSON.stringify(json)} → ${JSON.stringify(refused)}`).toBe(true);
    }
    expect(await traces(caller)).toEqual({ cases: 0, drafts: 0, keys: 0 });
  });

  it("refuses a missing required file after storing nothing, and frees the key", async () => {
    const caller = await createPartnerCaller();
    const key = `key-${randomUUID()}`;
    const refused = await problemOf(file(caller, key, applicationRequestBody(), passportFiles().slice(0, 2)));
    expect(refused).toEqual({
      messageKey: "errors.checkFields",
      fieldErrors: { evidenceIds: ["apply.errors.evidenceMissing"] },
    });
    expect(await traces(caller)).toEqual({ cases: 0, drafts: 0, keys: 0 });
    // The corrected retry may use the same key.
    expect((await file(caller, key)).status).toBe(201);
  });

  it("answers a file that is not a PDF or photo with 415, and nothing is kept", async () => {
    const caller = await createPartnerCaller();
    const files = passportFiles();
    files[2] = {
      kind: "OTHER",
      originalName: "page.pdf",
      bytes: new Uint8Array(Buffer.from("<html><script>alert(1)</script>")),
    };
    expect(await problemOf(file(caller, `key-${randomUUID()}`, applicationRequestBody(), files))).toBe(
      "unsupported_media_type",
    );
    expect(await traces(caller)).toEqual({ cases: 0, drafts: 0, keys: 0 });
  });

  it("answers a file over the size limit with 413", async () => {
    const caller = await createPartnerCaller();
    const files = passportFiles();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdfBytes("big"));
    files[0] = { kind: "ID_PROOF", originalName: "big.pdf", bytes: big };
    expect(await problemOf(file(caller, `key-${randomUUID()}`, applicationRequestBody(), files))).toBe(
      "payload_too_large",
    );
    expect(await traces(caller)).toEqual({ cases: 0, drafts: 0, keys: 0 });
  });

  it("does not let an internal key file cases", async () => {
    const { createInternalCaller } = await import("./api-callers.fixtures");
    const caller = await createInternalCaller();
    expect(await problemOf(file({ ...caller }, `key-${randomUUID()}`))).toBe("forbidden");
  });
});

describe("pruning idempotency keys", () => {
  it("forgets answers older than the retention and keeps the rest", async () => {
    const caller = await createPartnerCaller();
    const current = new Date();
    const old = new Date(current.getTime() - IDEMPOTENCY_RETENTION_MS - 1000);
    await db.apiIdempotency.createMany({
      data: [
        {
          clientId: caller.clientId,
          key: "old-key-1",
          requestHash: "h",
          responseStatus: 201,
          responseBody: {},
          createdAt: old,
        },
        {
          clientId: caller.clientId,
          key: "new-key-1",
          requestHash: "h",
          responseStatus: 201,
          responseBody: {},
          createdAt: current,
        },
      ],
    });
    expect(await pruneIdempotencyKeys(current)).toBeGreaterThanOrEqual(1);
    const left = await db.apiIdempotency.findMany({
      where: { clientId: caller.clientId },
      select: { key: true },
    });
    expect(left).toEqual([{ key: "new-key-1" }]);
  });
});
