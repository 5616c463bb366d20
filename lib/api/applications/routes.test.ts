import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getDocument } from "@/app/api/v1/applications/[number]/document/route";
import { GET as downloadEvidence } from "@/app/api/v1/applications/[number]/evidence/[id]/route";
import { POST as postEvidence } from "@/app/api/v1/applications/[number]/evidence/route";
import { GET as getCase } from "@/app/api/v1/applications/[number]/route";
import { POST as postClaim } from "@/app/api/v1/applications/[number]/claim/route";
import { POST as postTransition } from "@/app/api/v1/applications/[number]/transitions/route";
import { GET as listApplications, POST as createApplication } from "@/app/api/v1/applications/route";
import { db } from "@/lib/db";
import { createTestUser } from "@/lib/testing/fixtures";
import { expectToMatchContract } from "@/lib/testing/openapi-contract";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { seedDemoData } from "@/prisma/seed";
import {
  applicationRequestBody,
  createInternalCaller,
  createPartnerCaller,
  passportFiles,
  pdfBytes,
  type TestCaller,
} from "./api-callers.fixtures";

// The application endpoints called as Next calls them (lives here: Vitest runs lib/** only), with
// real keys through the route wrapper; every answer is checked against the OpenAPI document.
process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "api-routes-"));
withTestDatabase();

beforeAll(async () => {
  await seedDemoData(db, { idHashKey: "k".repeat(32) });
});

const BASE = "http://localhost/api/v1";
type Init = {
  secret?: string;
  key?: string | null;
  body?: BodyInit;
  contentType?: string;
  language?: string;
};

function request(method: string, pathname: string, init: Init = {}) {
  const headers: Record<string, string> = {
    "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}`,
  };
  if (init.secret) headers.authorization = `Bearer ${init.secret}`;
  if (init.key) headers["idempotency-key"] = init.key;
  if (init.contentType) headers["content-type"] = init.contentType;
  if (init.language) headers["accept-language"] = init.language;
  return new Request(`${BASE}${pathname}`, { method, headers, body: init.body });
}

const params = <P>(value: P) => ({ params: Promise.resolve(value) });

/** The form a partner's system sends: the JSON part and files named by kind. */
function submissionForm(json: unknown, files = passportFiles()) {
  const form = new FormData();
  form.set("application", JSON.stringify(json));
  for (const file of files)
    form.append(
      file.kind,
      new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: "application/pdf" }),
      file.originalName,
    );
  return form;
}

async function create(
  caller: TestCaller,
  init: Partial<Init> & { json?: unknown; files?: ReturnType<typeof passportFiles> } = {},
) {
  const form = submissionForm(init.json ?? applicationRequestBody(), init.files);
  const response = await createApplication(
    request("POST", "/applications", {
      secret: caller.secret,
      key: `key-${randomUUID()}`,
      body: form,
      ...init,
    }),
    params({}),
  );
  const body = (await expectToMatchContract("POST", "/applications", response)) as Record<string, unknown>;
  return { response, body };
}

async function traces(caller: TestCaller) {
  const [cases, drafts, keys] = await Promise.all([
    db.application.count({ where: { applicantId: caller.viewer.id } }),
    db.evidenceFile.count({ where: { uploaderId: caller.viewer.id } }),
    db.apiIdempotency.count({ where: { clientId: caller.clientId } }),
  ]);
  return { cases, drafts, keys };
}

describe("POST /api/v1/applications", () => {
  it("files a case from multipart with its files: 201, Location, the number, fee, due times and links", async () => {
    const caller = await createPartnerCaller();
    const { response, body } = await create(caller);
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/api/v1/applications/${body.number}`);
    expect(response.headers.get("ratelimit-limit")).not.toBeNull();
    expect(body).toMatchObject({
      status: "IN_PROGRESS",
      payment: { status: "PAID", provider: "partner-account" },
      links: { self: `/api/v1/applications/${body.number}`, track: "/track" },
    });
    expect((body.links as { share: string }).share).toMatch(/^\/track\/s\//);
    // The filing's own audit row carries the key (the wrapper's per-call context, lib/db.ts).
    const audit = await db.auditLog.findFirst({
      where: { action: "application.submitted", actorId: caller.viewer.id },
      select: { apiKeyId: true },
    });
    expect(audit).toEqual({ apiKeyId: caller.keyId });
  });

  it("replays the same key and body, refuses the same key with another body, and makes one case of ten at once", async () => {
    const caller = await createPartnerCaller();
    const key = `key-${randomUUID()}`;
    const json = applicationRequestBody();
    const files = passportFiles();
    const first = await create(caller, { key, json, files });
    const again = await create(caller, { key, json, files });
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    const other = await create(caller, { key, json: applicationRequestBody({ tier: "EXPRESS" }), files });
    expect(other.response.status).toBe(422);
    expect(other.body).toMatchObject({ code: "idempotency_key_reused" });

    const burst = `key-${randomUUID()}`;
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () =>
        create(caller, { key: burst, json, files }).then(({ response }) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect((await traces(caller)).cases).toBe(2);
  });

  it("needs an Idempotency-Key, a key and the write scope", async () => {
    const caller = await createPartnerCaller();
    const missing = await create(caller, { key: null });
    expect(missing.response.status).toBe(400);
    expect(missing.body).toMatchObject({ code: "idempotency_key_required" });
    const malformed = await create(caller, { key: "short" });
    expect(malformed.body).toMatchObject({ code: "invalid_request" });
    const anonymous = await create(caller, { secret: undefined });
    expect(anonymous.response.status).toBe(401);
    const reader = await createPartnerCaller({ scopes: ["applications:read"] });
    expect((await create(reader)).body).toMatchObject({ code: "insufficient_scope" });
    expect(await traces(caller)).toEqual({ cases: 0, drafts: 0, keys: 0 });
  });

  it("answers hostile bodies with a 4xx problem in the caller's language and keeps nothing", async () => {
    const caller = await createPartnerCaller();
    const json = (body: string, contentType = "application/json") => ({ body, contentType });
    const cases: [Partial<Init>, number, string][] = [
      [json("{not json"), 400, "invalid_json"],
      [json('{"a":'), 400, "invalid_json"],
      [json(JSON.stringify(applicationRequestBody()), "text/plain"), 415, "unsupported_media_type"],
      [json(JSON.stringify(applicationRequestBody({ tier: ["URGENT"] }))), 422, "validation_failed"],
      [json(JSON.stringify(applicationRequestBody({ role: "ADMIN" }))), 422, "validation_failed"],
      [
        json(JSON.stringify(applicationRequestBody({ reason: `${"x".repeat(40)}\u0000` }))),
        422,
        "validation_failed",
      ],
      [json(`{"reason":"${"x".repeat(70_000)}"}`), 413, "payload_too_large"],
      [
        {
          body: new Uint8Array([0xff, 0xfe, 0x00, 0x7b]) as Uint8Array<ArrayBuffer>,
          contentType: "application/json",
        },
        400,
        "invalid_json",
      ],
      [{ body: "--x\r\nbroken", contentType: "multipart/form-data; boundary=x" }, 400, "invalid_request"],
    ];
    for (const [init, status, code] of cases) {
      const { response, body } = await create(caller, { ...init, language: "zh-CN,zh;q=0.9" });
      expect([response.status, body.code], String(init.body).slice(0, 60)).toEqual([status, code]);
      expect(response.headers.get("content-language")).toBe("zh");
    }
    const unknown = await create(caller, {
      body: JSON.stringify(applicationRequestBody({ role: "ADMIN" })),
      contentType: "application/json",
    });
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: "role", code: "unknown_field" })]);
    const valueErrors = await create(caller, {
      body: JSON.stringify(applicationRequestBody({ reason: "short" })),
      contentType: "application/json",
    });
    expect(valueErrors.body.errors).toEqual([
      expect.objectContaining({
        field: "reason",
        code: "reasonTooShort",
        message: expect.stringContaining("30"),
      }),
    ]);
    expect(await traces(caller)).toEqual({ cases: 0, drafts: 0, keys: 0 });
  });

  it("refuses a non-PDF file as 415 and an unknown part as 422, keeping nothing", async () => {
    const caller = await createPartnerCaller();
    const files = passportFiles();
    files[0] = { ...files[0]!, bytes: new Uint8Array(Buffer.from("MZ\x90\x00 not a document")) };
    expect((await create(caller, { files })).body).toMatchObject({ code: "unsupported_media_type" });
    const form = submissionForm(applicationRequestBody());
    form.append("RESULT_DOCUMENT", new Blob([pdfBytes() as Uint8Array<ArrayBuffer>]), "r.pdf");
    const refused = await create(caller, { body: form });
    expect(refused.body).toMatchObject({
      code: "validation_failed",
      errors: [expect.objectContaining({ field: "RESULT_DOCUMENT" })],
    });
    expect(await traces(caller)).toEqual({ cases: 0, drafts: 0, keys: 0 });
  });
});

describe("reading cases", () => {
  it("lists and shows a partner's own cases only; another partner's case is 404", async () => {
    const [a, b] = [await createPartnerCaller(), await createPartnerCaller()];
    const mine = (await create(a)).body;
    const theirs = (await create(b)).body;
    const list = await listApplications(
      request("GET", "/applications?limit=10", { secret: a.secret }),
      params({}),
    );
    const listed = (await expectToMatchContract("GET", "/applications", list)) as {
      items: { number: string }[];
    };
    expect(listed.items.map((item) => item.number)).toEqual([mine.number]);
    const badQuery = await listApplications(
      request("GET", "/applications?limit=1000", { secret: a.secret }),
      params({}),
    );
    expect(await expectToMatchContract("GET", "/applications", badQuery)).toMatchObject({
      code: "invalid_request",
    });

    const own = await getCase(
      request("GET", `/applications/${mine.number}`, { secret: a.secret }),
      params({ number: String(mine.number) }),
    );
    expect(await expectToMatchContract("GET", "/applications/{number}", own)).toMatchObject({
      number: mine.number,
      currentNode: "SUBMITTED",
    });
    const other = await getCase(
      request("GET", `/applications/${theirs.number}`, { secret: a.secret }),
      params({ number: String(theirs.number) }),
    );
    expect(other.status).toBe(404);
    expect(await expectToMatchContract("GET", "/applications/{number}", other)).toMatchObject({
      code: "not_found",
    });

    const evidence = (mine.evidence as { id: string }[])[0]!;
    const file = await downloadEvidence(
      request("GET", `/applications/${mine.number}/evidence/${evidence.id}`, { secret: a.secret }),
      params({ number: String(mine.number), id: evidence.id }),
    );
    await expectToMatchContract("GET", "/applications/{number}/evidence/{evidenceId}", file);
    expect([
      file.status,
      file.headers.get("content-type"),
      file.headers.get("x-content-type-options"),
    ]).toEqual([200, "application/pdf", "nosniff"]);
    expect(new TextDecoder().decode(await file.arrayBuffer())).toMatch(/^%PDF-/);
    const stranger = await downloadEvidence(
      request("GET", `/applications/${mine.number}/evidence/${evidence.id}`, { secret: b.secret }),
      params({ number: String(mine.number), id: evidence.id }),
    );
    expect(stranger.status).toBe(404);
    const document = await getDocument(
      request("GET", `/applications/${mine.number}/document`, { secret: a.secret }),
      params({ number: String(mine.number) }),
    );
    expect(await expectToMatchContract("GET", "/applications/{number}/document", document)).toMatchObject({
      code: "not_found",
    });
  });
});

describe("POST /api/v1/applications/{number}/transitions and /evidence", () => {
  it("moves a case for an internal key, 409 with currentVersion when stale, 403 for a partner key", async () => {
    const partner = await createPartnerCaller();
    const internal = await createInternalCaller();
    const filed = (await create(partner)).body;
    const number = String(filed.number);
    const move = (caller: TestCaller, body: unknown) =>
      postTransition(
        request("POST", `/applications/${number}/transitions`, {
          secret: caller.secret,
          body: JSON.stringify(body),
          contentType: "application/json",
        }),
        params({ number }),
      ).then((response) =>
        expectToMatchContract("POST", "/applications/{number}/transitions", response).then((json) => ({
          status: response.status,
          json,
        })),
      );

    // A partner makes only the applicant's moves: the engine refuses it a staff step.
    expect(await move(partner, { transition: "ADVANCE", expectedVersion: filed.version })).toMatchObject({
      status: 409,
      json: { code: "transition_not_allowed" },
    });
    expect(await move(internal, { transition: "ADVANCE", expectedVersion: filed.version })).toMatchObject({
      status: 200,
      json: { currentNode: "MATERIAL_CHECK", version: Number(filed.version) + 1 },
    });
    expect(await move(internal, { transition: "ADVANCE", expectedVersion: filed.version })).toMatchObject({
      status: 409,
      json: { code: "version_conflict", currentVersion: Number(filed.version) + 1 },
    });
    expect(
      await move(internal, { transition: "APPROVE", expectedVersion: Number(filed.version) + 1 }),
    ).toMatchObject({
      status: 409,
      json: { code: "transition_not_allowed" },
    });
    expect(
      await move(internal, { transition: "REQUEST_SUPPLEMENT", expectedVersion: Number(filed.version) + 1 }),
    ).toMatchObject({
      status: 422,
      json: {
        code: "validation_failed",
        errors: expect.arrayContaining([expect.objectContaining({ field: "items" })]),
      },
    });

    const upload = () => {
      const form = new FormData();
      form.set(
        "file",
        new Blob([pdfBytes() as Uint8Array<ArrayBuffer>], { type: "application/pdf" }),
        "letter.pdf",
      );
      return postEvidence(
        request("POST", `/applications/${number}/evidence`, { secret: partner.secret, body: form }),
        params({ number }),
      );
    };
    const closed = await upload();
    expect(await expectToMatchContract("POST", "/applications/{number}/evidence", closed)).toMatchObject({
      code: "validation_failed",
    });
    await move(internal, {
      transition: "REQUEST_SUPPLEMENT",
      expectedVersion: Number(filed.version) + 1,
      items: [{ problem: "The letter is not signed" }],
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const stored = await upload();
    expect(stored.status).toBe(201);
    expect(await expectToMatchContract("POST", "/applications/{number}/evidence", stored)).toMatchObject({
      kind: "SUPPLEMENT",
    });

    // The partner answers the request (its file is the answer) and the case goes back to its reviewer.
    const waiting = Number(filed.version) + 2;
    expect(
      await move(partner, { transition: "PROVIDE_SUPPLEMENT", expectedVersion: waiting, internalNote: "x" }),
    ).toMatchObject({ status: 200, json: { currentNode: "MATERIAL_CHECK", version: waiting + 1 } });
    // An applicant never writes staff notes, whatever the request carries.
    const answer = await db.timelineEvent.findFirstOrThrow({
      where: { application: { number }, action: "SUPPLEMENT_PROVIDED" },
      select: { internalNote: true },
    });
    expect(answer.internalNote).toBeNull();
  });

  it("lets a partner withdraw its own case, with the write scope only, and never another partner's", async () => {
    const partner = await createPartnerCaller();
    const filed = (await create(partner)).body;
    const number = String(filed.number);
    const move = (secret: string, body: unknown) =>
      postTransition(
        request("POST", `/applications/${number}/transitions`, {
          secret,
          body: JSON.stringify(body),
          contentType: "application/json",
        }),
        params({ number }),
      ).then(async (response) => ({
        status: response.status,
        json: await expectToMatchContract("POST", "/applications/{number}/transitions", response),
      }));
    const withdraw = {
      transition: "WITHDRAW",
      expectedVersion: filed.version,
      publicNote: "Trip cancelled.",
    };

    const reader = await createPartnerCaller({ scopes: ["applications:read"] });
    expect(await move(reader.secret, withdraw)).toMatchObject({
      status: 403,
      json: { code: "insufficient_scope" },
    });
    const stranger = await createPartnerCaller();
    expect(await move(stranger.secret, withdraw)).toMatchObject({ status: 404 });
    expect(await move(partner.secret, withdraw)).toMatchObject({
      status: 200,
      json: { status: "WITHDRAWN" },
    });
  });
});

describe("POST /api/v1/applications/{number}/claim", () => {
  it("lets a reviewer's system take an unassigned case of its services and then move it; anyone else is refused", async () => {
    const partner = await createPartnerCaller();
    const number = String((await create(partner)).body.number);
    const service = await db.serviceType.findUniqueOrThrow({ where: { code: "passport-renewal" } });
    const reviewer = await createTestUser("REVIEWER");
    const colleague = await createTestUser("REVIEWER");
    const stranger = await createTestUser("REVIEWER");
    await db.staffService.createMany({
      data: [reviewer, colleague].map((user) => ({ userId: user.id, serviceId: service.id })),
    });
    const system = await createInternalCaller({ role: "REVIEWER", userId: reviewer.id });
    const call = (route: typeof postClaim, action: string, caller: TestCaller, body: unknown) =>
      route(
        request("POST", `/applications/${number}/${action}`, {
          secret: caller.secret,
          body: JSON.stringify(body),
          contentType: "application/json",
          language: "zh",
        }),
        params({ number }),
      ).then(async (response) => ({
        status: response.status,
        json: await expectToMatchContract("POST", `/applications/{number}/${action}`, response),
      }));
    const claim = (caller: TestCaller, body: unknown) => call(postClaim, "claim", caller, body);
    // Filing gave it to whoever was on duty (the seeded rota); here nobody handling the service was.
    const { version } = await db.application.update({
      where: { number },
      data: { assigneeId: null },
      select: { version: true },
    });

    // Not held by anyone: the reviewer may not move it yet, exactly as in the workspace.
    expect(
      await call(postTransition, "transitions", system, { transition: "ADVANCE", expectedVersion: version }),
    ).toMatchObject({ status: 409, json: { code: "transition_not_allowed" } });
    // A partner never claims; a reviewer outside the service may not; a stale version is named.
    expect(await claim(partner, { expectedVersion: version })).toMatchObject({
      status: 403,
      json: { code: "forbidden", detail: "只有内部系统的密钥可以领取案件。" },
    });
    const outsider = await createInternalCaller({ role: "REVIEWER", userId: stranger.id });
    expect(await claim(outsider, { expectedVersion: version })).toMatchObject({
      status: 409,
      json: { code: "transition_not_allowed" },
    });
    const reader = await createInternalCaller({
      role: "REVIEWER",
      userId: reviewer.id,
      scopes: ["applications:read"],
    });
    expect(await claim(reader, { expectedVersion: version })).toMatchObject({
      status: 403,
      json: { code: "insufficient_scope" },
    });
    expect(await claim(system, { expectedVersion: version, assigneeId: colleague.id })).toMatchObject({
      status: 422,
      json: { code: "validation_failed" },
    });
    expect(await claim(system, { expectedVersion: version + 1 })).toMatchObject({
      status: 409,
      json: { code: "version_conflict", currentVersion: version },
    });

    expect(await claim(system, { expectedVersion: version })).toMatchObject({
      status: 200,
      json: { number, version: version + 1, currentNode: "SUBMITTED", status: "IN_PROGRESS" },
    });
    const held = await db.application.findUniqueOrThrow({ where: { number }, select: { assigneeId: true } });
    expect(held.assigneeId).toBe(reviewer.id);
    // Claiming again (a retry, or a system that claims before every move) answers the same, unchanged.
    expect(await claim(system, { expectedVersion: version })).toMatchObject({
      status: 200,
      json: { number, version: version + 1 },
    });
    // Held now: a colleague's system cannot take it over; the holder moves it on.
    const colleagueSystem = await createInternalCaller({ role: "REVIEWER", userId: colleague.id });
    expect(await claim(colleagueSystem, { expectedVersion: version + 1 })).toMatchObject({
      status: 409,
      json: { code: "transition_not_allowed" },
    });
    expect(
      await call(postTransition, "transitions", system, {
        transition: "ADVANCE",
        expectedVersion: version + 1,
      }),
    ).toMatchObject({ status: 200, json: { currentNode: "MATERIAL_CHECK", version: version + 2 } });
    // The claim is audited with the key that made it.
    expect(
      await db.auditLog.count({
        where: { action: "workflow.CLAIM", apiKeyId: system.keyId, actorId: reviewer.id },
      }),
    ).toBe(1);
  });

  it("gives a case claimed 50 times at once by two reviewers' systems to exactly one of them", async () => {
    const partner = await createPartnerCaller();
    const number = String((await create(partner)).body.number);
    const service = await db.serviceType.findUniqueOrThrow({ where: { code: "passport-renewal" } });
    const reviewers = [await createTestUser("REVIEWER"), await createTestUser("REVIEWER")];
    await db.staffService.createMany({
      data: reviewers.map((user) => ({ userId: user.id, serviceId: service.id })),
    });
    const systems = await Promise.all(
      reviewers.map((user) => createInternalCaller({ role: "REVIEWER", userId: user.id })),
    );
    const { version } = await db.application.update({
      where: { number },
      data: { assigneeId: null },
      select: { version: true },
    });

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        postClaim(
          request("POST", `/applications/${number}/claim`, {
            secret: systems[index % 2]!.secret,
            body: JSON.stringify({ expectedVersion: version }),
            contentType: "application/json",
          }),
          params({ number }),
        ).then(async (response) => ({
          status: response.status,
          json: (await expectToMatchContract("POST", "/applications/{number}/claim", response)) as {
            code?: string;
          },
        })),
      ),
    );
    // One claim is made; the rest learn the case moved on (or, for the winner's own system, that
    // it already holds it). Nothing else: no 5xx, no second claim.
    for (const answer of answers) expect([200, 409], JSON.stringify(answer)).toContain(answer.status);
    const row = await db.application.findUniqueOrThrow({
      where: { number },
      select: { assigneeId: true, version: true },
    });
    expect(row.version).toBe(version + 1);
    const winner = reviewers.findIndex((user) => user.id === row.assigneeId);
    expect(winner).toBeGreaterThanOrEqual(0);
    const loserAnswers = answers.filter((_, index) => index % 2 !== winner);
    expect(loserAnswers.every((answer) => answer.status === 409)).toBe(true);
    expect(
      await db.auditLog.count({
        where: {
          action: "workflow.CLAIM",
          entityId: (await db.application.findUniqueOrThrow({ where: { number } })).id,
        },
      }),
    ).toBe(1);
  });
});
