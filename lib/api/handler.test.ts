import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { NotAuthorizedError, UserFacingError } from "@/lib/errors";
import { createTestApiClient } from "@/lib/api-keys/api-keys.fixtures";
import { expectLoggedErrors } from "@/lib/testing/log-capture";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { ConcurrentChangeError } from "@/lib/workflow/errors";
import { readJsonBody } from "./body";
import { apiJson, apiRoute, type ApiContext } from "./handler";
import { ApiProblem } from "./problem";
import type { ApiScope } from "./scopes";

withTestDatabase();

async function createKey(options: { scopes?: ApiScope[]; perMinute?: number; expiresAt?: Date } = {}) {
  const { key, client } = await createTestApiClient({
    scopes: options.scopes ?? ["applications:read"],
    rateLimitPerMinute: options.perMinute ?? null,
    expiresAt: options.expiresAt ?? null,
  });
  return { secret: key.secret, key, user: { id: client.userId } };
}

type Handle = (context: ApiContext<{ id: string }>) => Promise<Response>;

function call(
  handle: Handle,
  init: {
    secret?: string;
    language?: string;
    scope?: ApiScope | null;
    ip?: string;
    body?: BodyInit;
    type?: string;
  } = {},
) {
  const route = apiRoute<{ id: string }>({
    name: "test.operation",
    scope: init.scope === undefined ? "applications:read" : init.scope,
    handle,
  });
  const headers = new Headers({ "accept-language": init.language ?? "en" });
  if (init.secret) headers.set("authorization", `Bearer ${init.secret}`);
  if (init.ip) headers.set("x-forwarded-for", init.ip);
  if (init.type) headers.set("content-type", init.type);
  const request = new Request("http://localhost/api/v1/test/1", {
    method: init.body === undefined ? "GET" : "POST",
    headers,
    body: init.body,
  });
  return route(request, { params: Promise.resolve({ id: "1" }) });
}

const ok: Handle = async ({ params }) => apiJson({ id: params.id });
const randomIp = () => `203.0.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

describe("apiRoute: who may call", () => {
  it("answers a valid key, with the rate-limit headers, and audits the call with the key's id", async () => {
    const { secret, key, user } = await createKey({ perMinute: 50 });
    const response = await call(ok, { secret });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: "1" });
    expect(response.headers.get("RateLimit-Limit")).toBe("50");
    expect(response.headers.get("RateLimit-Remaining")).toBe("49");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const audit = await db.auditLog.findMany({ where: { apiKeyId: key.id } });
    expect(audit).toMatchObject([
      { action: "api.request", actorId: user.id, details: { operation: "test.operation", status: 200 } },
    ]);
  });

  it("refuses a missing, malformed, unknown, revoked or expired key with a 401 problem in the caller's language", async () => {
    const revoked = await createKey();
    await db.apiKey.update({ where: { id: revoked.key.id }, data: { revokedAt: new Date() } });
    const expired = await createKey({ expiresAt: new Date(Date.now() - 1000) });
    for (const secret of [undefined, "short", `exp_test_${"x".repeat(30)}`, revoked.secret, expired.secret]) {
      const response = await call(ok, { secret, ip: randomIp() });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.json()).toMatchObject({
        status: 401,
        code: "unauthorized",
        title: "A valid API key is required",
      });
    }
    const chinese = await call(ok, { language: "zh-CN,zh;q=0.9", ip: randomIp() });
    expect(await chinese.json()).toMatchObject({ code: "unauthorized", title: "需要有效的 API 密钥" });
  });

  it("refuses a key without the operation's scope with 403, and audits that too", async () => {
    const { secret, key } = await createKey({ scopes: ["applications:read"] });
    const response = await call(ok, { secret, scope: "cases:transition" });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      code: "insufficient_scope",
      detail: "This needs the scope cases:transition.",
    });
    expect(await db.auditLog.count({ where: { apiKeyId: key.id, action: "api.request" } })).toBe(1);
  });
});

describe("apiRoute: what lib/ throws, as problems", () => {
  it("stamps every audit row written during the call with the key's id", async () => {
    const { secret, key } = await createKey();
    await call(
      async () => {
        await db.$transaction((tx) =>
          recordAudit(tx, { actorId: null, action: "case.rated", entityType: "application", entityId: null }),
        );
        await db.auditLog.create({ data: { action: "payment.recorded", entityType: "application" } });
        return apiJson({});
      },
      { secret },
    );
    const actions = (await db.auditLog.findMany({ where: { apiKeyId: key.id }, orderBy: { id: "asc" } })).map(
      (row) => row.action,
    );
    expect(actions).toEqual(["case.rated", "payment.recorded", "api.request"]);
    // Outside a call nothing is stamped.
    const outside = await db.auditLog.create({ data: { action: "case.rated", entityType: "application" } });
    expect(outside.apiKeyId).toBeNull();
  });

  it("maps refusals to 403, 409 and 422 with localized field messages, and anything else to a bare 500", async () => {
    const { secret } = await createKey({ perMinute: 100 });
    const forbidden = await call(async () => Promise.reject(new NotAuthorizedError()), { secret });
    expect([forbidden.status, (await forbidden.json()).code]).toEqual([403, "forbidden"]);

    const refusedInChinese = await call(
      async () => Promise.reject(new ApiProblem("invalid_request", { detailKey: "queryOnce" })),
      { secret, language: "zh" },
    );
    expect(await refusedInChinese.json()).toMatchObject({
      code: "invalid_request",
      title: "请求格式有误",
      detail: "每个查询参数最多出现一次。",
    });

    const stale = await call(async () => Promise.reject(new ConcurrentChangeError()), { secret });
    expect([stale.status, (await stale.json()).code]).toEqual([409, "version_conflict"]);

    const refused = await call(
      async () =>
        Promise.reject(new UserFacingError("errors.checkFields", { tier: ["apply.errors.tierUnavailable"] })),
      { secret, language: "zh" },
    );
    expect(refused.status).toBe(422);
    const body = await refused.json();
    expect(body).toMatchObject({
      code: "validation_failed",
      errors: [{ field: "tier", code: "tierUnavailable" }],
    });
    expect(body.errors[0].message).toMatch(/[\u4e00-\u9fff]/);

    expectLoggedErrors();
    const broken = await call(async () => Promise.reject(new Error("secret internals: password=hunter2")), {
      secret,
    });
    expect(broken.status).toBe(500);
    expect(JSON.stringify(await broken.json())).not.toContain("hunter2");
  });
});

describe("apiRoute: request budgets", () => {
  it("lets exactly the key's budget through when the requests arrive at once, then 429 with Retry-After", async () => {
    const { secret } = await createKey({ perMinute: 3 });
    const responses = await Promise.all(Array.from({ length: 8 }, () => call(ok, { secret })));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
    const refused = responses.find((response) => response.status === 429)!;
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("RateLimit-Remaining")).toBe("0");
    expect(await refused.json()).toMatchObject({ code: "rate_limited", retryAfterSeconds: retryAfter });
  });

  it("keeps one key's budget apart from another's", async () => {
    const first = await createKey({ perMinute: 1 });
    const second = await createKey({ perMinute: 1 });
    expect((await call(ok, { secret: first.secret })).status).toBe(200);
    expect((await call(ok, { secret: first.secret })).status).toBe(429);
    expect((await call(ok, { secret: second.secret })).status).toBe(200);
  });

  it("makes an address without a valid key pay for its guesses", async () => {
    const ip = randomIp();
    const responses = await Promise.all(
      Array.from({ length: 40 }, () =>
        call(ok, { secret: `exp_test_${randomBytes(24).toString("base64url")}`, ip }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(30);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    expect((await call(ok, { ip: randomIp() })).status).toBe(401);
  });
});

describe("readJsonBody", () => {
  const schema = z.strictObject({ name: z.string().min(1, "validation.required"), count: z.number().int() });
  const parse: Handle = async ({ request, locale }) =>
    apiJson(await readJsonBody(request, schema, { locale, maxBytes: 200 }));

  it("parses a good body and refuses each kind of bad one with its own 4xx", async () => {
    const { secret } = await createKey({ perMinute: 100 });
    const send = (body: BodyInit, type = "application/json") => call(parse, { secret, body, type });
    const good = await send(JSON.stringify({ name: "a", count: 2 }));
    expect([good.status, await good.json()]).toEqual([200, { name: "a", count: 2 }]);

    const cases: [BodyInit, string | undefined, number, string][] = [
      [JSON.stringify({ name: "a", count: 2 }), "text/plain", 415, "unsupported_media_type"],
      ["{not json", undefined, 400, "invalid_json"],
      [new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), undefined, 400, "invalid_json"],
      [JSON.stringify({ name: "a", count: 2, extra: "x".repeat(300) }), undefined, 413, "payload_too_large"],
      [JSON.stringify({ name: "a", count: "2" }), undefined, 422, "validation_failed"],
      ["[]", undefined, 422, "validation_failed"],
      ["null", undefined, 422, "validation_failed"],
    ];
    for (const [body, type, status, code] of cases) {
      const response = await send(body, type);
      expect([status, code]).toEqual([response.status, (await response.json()).code]);
    }
  });

  it("names unknown and refused fields, with the form's message in the caller's language", async () => {
    const { secret } = await createKey({ perMinute: 100 });
    const response = await call(parse, {
      secret,
      language: "zh",
      type: "application/json",
      body: JSON.stringify({ name: "", count: 1, admin: true }),
    });
    const body = await response.json();
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: "admin", code: "unknown_field", message: "此字段不属于本接口。" },
        expect.objectContaining({ field: "name", code: "required" }),
      ]),
    );
  });
});
