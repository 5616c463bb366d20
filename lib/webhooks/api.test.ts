import { describe, expect, it } from "vitest";
import { createTestApiClient } from "@/lib/api-keys/api-keys.fixtures";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { createTestApplication, createTestService } from "@/lib/testing/fixtures";
import { expectToMatchContract } from "@/lib/testing/openapi-contract";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { GET as listDeliveries } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { DELETE as deleteEndpoint } from "@/app/api/v1/webhooks/[id]/route";
import { GET as listEndpoints, POST as createEndpoint } from "@/app/api/v1/webhooks/route";
import { registerWebhookEndpoint } from "./mutations";
import { recordWebhookEvents } from "./outbox-mutations";

withTestDatabase();

type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

function call<P>(
  route: Route<P>,
  secret: string,
  init: { method?: string; path?: string; body?: unknown; params?: P; language?: string } = {},
) {
  const headers = new Headers({
    authorization: `Bearer ${secret}`,
    "accept-language": init.language ?? "en",
  });
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://localhost${init.path ?? "/api/v1/webhooks"}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return route(request, { params: Promise.resolve((init.params ?? {}) as P) }).then(async (response) => {
    // Every answer must be one the OpenAPI document promises (issue 17's contract tests).
    const template = (init.path ?? "/api/v1/webhooks")
      .split("?")[0]!
      .replace(/\/[0-9a-f-]{36}(?=\/|$)/, "/{id}");
    await expectToMatchContract(request.method, template, response.clone());
    return response;
  });
}

const hooks = () => createTestApiClient({ scopes: ["webhooks:manage"] });

describe("the webhook endpoints of /api/v1", () => {
  it("registers an endpoint and shows its secret once; the list never shows it, nor another client's endpoints", async () => {
    const partner = await hooks();
    const other = await hooks();
    const created = await call(createEndpoint, partner.key.secret, {
      body: {
        url: "https://hooks.partner.example/expedite",
        events: ["application.decided", "application.decided"],
      },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; secret: string; events: string[]; url: string };
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(body.events).toEqual(["application.decided"]);
    expect(created.headers.get("location")).toBe(`/api/v1/webhooks/${body.id}`);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: body.id } })).secret).toBe(body.secret);

    const listed = (await (await call(listEndpoints, partner.key.secret)).json()) as {
      data: Record<string, unknown>[];
    };
    expect(listed.data.map((endpoint) => endpoint.id)).toEqual([body.id]);
    expect(JSON.stringify(listed)).not.toContain("whsec_");
    expect(await (await call(listEndpoints, other.key.secret)).json()).toEqual({ data: [] });
  });

  it("refuses what is not an endpoint with a 422 naming the field, and unknown fields", async () => {
    const partner = await hooks();
    const cases: [unknown, string][] = [
      [{ url: "ftp://hooks.partner.example/x", events: ["application.decided"] }, "url"],
      [{ url: "https://user:pw@hooks.partner.example/x", events: ["application.decided"] }, "url"],
      [{ url: "https://hooks.partner.example/x", events: [] }, "events"],
      [{ url: "https://hooks.partner.example/x", events: ["application.paid"] }, "events.0"],
      [{ url: "https://hooks.partner.example/x", events: ["application.decided"], secret: "mine" }, "secret"],
    ];
    for (const [body, field] of cases) {
      const response = await call(createEndpoint, partner.key.secret, { body, language: "zh" });
      expect(response.status).toBe(422);
      expect(response.headers.get("content-type")).toMatch(/application\/problem\+json/);
      const problem = (await response.json()) as { errors: { field: string; message: string }[] };
      expect(problem.errors.map((error) => error.field)).toContain(field);
    }
    expect(await db.webhookEndpoint.count({ where: { clientId: partner.client.id } })).toBe(0);
  });

  it("needs the webhooks:manage scope", async () => {
    const reader = await createTestApiClient({ scopes: ["applications:read"] });
    expect((await call(listEndpoints, reader.key.secret)).status).toBe(403);
  });

  it("deletes only the caller's own endpoint; another client's answers 404", async () => {
    const partner = await hooks();
    const other = await hooks();
    const { id } = await registerWebhookEndpoint(partner.caller, {
      url: "https://hooks.partner.example/a",
      events: ["application.submitted"],
    });
    const path = `/api/v1/webhooks/${id}`;
    expect(
      (await call(deleteEndpoint, other.key.secret, { method: "DELETE", path, params: { id } })).status,
    ).toBe(404);
    expect(
      (await call(deleteEndpoint, partner.key.secret, { method: "DELETE", path, params: { id: "nope" } }))
        .status,
    ).toBe(404);
    expect(
      (await call(deleteEndpoint, partner.key.secret, { method: "DELETE", path, params: { id } })).status,
    ).toBe(204);
    expect(await db.webhookEndpoint.count({ where: { id } })).toBe(0);
  });

  it("lists an endpoint's deliveries newest first, a page at a time, to its owner only", async () => {
    const partner = await hooks();
    const other = await hooks();
    const { id } = await registerWebhookEndpoint(partner.caller, {
      url: "https://hooks.partner.example/log",
      events: ["application.node_changed"],
    });
    const serviceId = await createTestService();
    const application = await createTestApplication({
      applicantId: partner.client.userId,
      serviceId,
      apiClientId: partner.client.id,
    });
    const written: string[] = [];
    for (let step = 0; step < 3; step++) {
      const [event] = await db.$transaction((tx) =>
        recordWebhookEvents(tx, {
          applicationId: application.id,
          types: ["application.node_changed"],
          application: {
            number: application.number,
            status: "IN_PROGRESS",
            currentNode: "MATERIAL_CHECK",
            version: step + 1,
          },
          occurredAt: new Date(Date.UTC(2026, 11, 5, 8, step)),
        }),
      );
      written.push(event!.id);
    }
    const path = `/api/v1/webhooks/${id}/deliveries`;
    const first = (await (
      await call(listDeliveries, partner.key.secret, { path: `${path}?limit=2`, params: { id } })
    ).json()) as {
      data: { eventId: string; eventType: string; applicationNumber: string; status: string }[];
      nextCursor: string | null;
    };
    expect(first.data.map((d) => d.eventId)).toEqual([written[2], written[1]]);
    expect(first.data[0]).toMatchObject({
      eventType: "application.node_changed",
      applicationNumber: application.number,
      status: "PENDING",
    });
    const second = (await (
      await call(listDeliveries, partner.key.secret, {
        path: `${path}?limit=2&cursor=${first.nextCursor}`,
        params: { id },
      })
    ).json()) as { data: { eventId: string }[]; nextCursor: string | null };
    expect(second).toEqual({ data: [expect.objectContaining({ eventId: written[0] })], nextCursor: null });
    expect((await call(listDeliveries, other.key.secret, { path, params: { id } })).status).toBe(404);
    expect(
      (await call(listDeliveries, partner.key.secret, { path: `${path}?limit=500`, params: { id } })).status,
    ).toBe(422);
  });

  it("refuses in production a plain-http address and one whose name resolves to a private network", async () => {
    const partner = await hooks();
    const production = (addresses: string[]) => ({ production: true, lookup: async () => addresses });
    const refusal = (url: string, addresses: string[]) =>
      registerWebhookEndpoint(
        partner.caller,
        { url, events: ["application.decided"] },
        { policy: production(addresses) },
      ).then(
        () => null,
        (error: unknown) => (error instanceof UserFacingError ? error.fieldErrors : error),
      );
    expect(await refusal("http://hooks.partner.example/x", ["93.184.216.34"])).toEqual({
      url: ["webhooks.errors.urlScheme"],
    });
    expect(await refusal("https://hooks.partner.example/x", ["93.184.216.34", "10.0.0.7"])).toEqual({
      url: ["webhooks.errors.urlForbidden"],
    });
    expect(await refusal("https://169.254.169.254/latest/meta-data", [])).toEqual({
      url: ["webhooks.errors.urlForbidden"],
    });
    expect(await refusal("https://[::1]/x", [])).toEqual({ url: ["webhooks.errors.urlForbidden"] });
    expect(await refusal("https://hooks.partner.example/x", ["93.184.216.34"])).toBeNull();
  });
});
