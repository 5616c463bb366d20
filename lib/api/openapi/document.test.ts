import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { examplePathGroup, exampleWebhookGroup } from "@/lib/testing/openapi-example-paths";
import { buildOpenApiDocument, mergePathGroups } from "./document";
import { openApiStructureProblems } from "./document-structure";
import { apiDocument } from "./path-groups";
import { PROBLEM_STATUS } from "../problem";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const clone = (value: unknown): Json => structuredClone(value) as Json;
const example = () => clone(buildOpenApiDocument([examplePathGroup], [exampleWebhookGroup]));

describe("the OpenAPI document", () => {
  it("of the product is sound OpenAPI 3.1 with the API key scheme", () => {
    const document = clone(apiDocument());
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: "Expedite partner API", version: "1" });
    expect(document.servers).toEqual([{ url: "/api/v1" }]);
    expect(document.components.securitySchemes.ApiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(openApiStructureProblems(document)).toEqual([]);
  });

  it("shares one Problem schema, one response per status, the rate-limit headers and the Idempotency-Key", () => {
    const document = example();
    expect(openApiStructureProblems(document)).toEqual([]);
    const create = document.paths["/pings"].post;
    expect(create.responses["422"]).toEqual({ $ref: "#/components/responses/UnprocessableContent" });
    expect(create.parameters).toEqual([{ $ref: "#/components/parameters/IdempotencyKey" }]);
    expect(document.components.parameters.IdempotencyKey).toMatchObject({
      in: "header",
      name: "Idempotency-Key",
      required: true,
    });
    expect(create.security).toEqual([{ ApiKey: ["applications:write"] }]);
    const tooMany = document.components.responses.TooManyRequests;
    expect(Object.keys(tooMany.headers)).toEqual([
      "RateLimit-Limit",
      "RateLimit-Remaining",
      "RateLimit-Reset",
      "Retry-After",
    ]);
    expect(document.components.headers["Retry-After"].required).toBe(true);
    expect(tooMany.content["application/problem+json"].schema).toEqual({
      $ref: "#/components/schemas/Problem",
    });
    const problem = document.components.schemas.Problem;
    expect(problem.required).toEqual(["type", "title", "status", "code"]);
    expect(problem.properties.code.enum).toEqual(Object.keys(PROBLEM_STATUS));
    expect(Object.keys(problem.properties)).toEqual(
      expect.arrayContaining(["detail", "instance", "errors", "currentVersion", "retryAfterSeconds"]),
    );
    expect(document.components.responses.Conflict.description).toContain("`version_conflict`");
  });

  it("describes what is sent to partners' endpoints as top-level webhooks", () => {
    const document = example();
    expect(document.webhooks.pingEvent.post.operationId).toBe("pings.event");
    expect(document.webhooks.pingEvent.post.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Ping",
    });
    expect(() => buildOpenApiDocument([], [exampleWebhookGroup, exampleWebhookGroup])).toThrow(
      "webhook pingEvent is defined twice",
    );
  });

  it("refuses a path defined twice or written with the /api/v1 prefix", () => {
    const get = examplePathGroup["/pings/{pingId}"]!.get!;
    expect(() => mergePathGroups([{ "/a": { get } }, { "/a": { get } }])).toThrow("GET /a is defined twice");
    expect(() => mergePathGroups([{ "/api/v1/a": { get } }])).toThrow("relative to /api/v1");
    expect(Object.keys(mergePathGroups([{ "/a": { get } }, { "/a": { post: get } }])["/a"]!)).toEqual([
      "get",
      "post",
    ]);
  });

  it("is served at /api/v1/openapi.json, public and cacheable", async () => {
    const response = await GET(new Request("http://localhost/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const body = (await response.json()) as Json;
    expect(body.openapi).toMatch(/^3\.1\.\d+$/);
    expect(body).toEqual(clone(apiDocument()));
  });
});

describe("the structure check", () => {
  it("names a reference that does not resolve", () => {
    const document = example();
    document.paths["/pings"].post.responses["404"] = { $ref: "#/components/responses/Nowhere" };
    expect(openApiStructureProblems(document)).toEqual([
      "$ref #/components/responses/Nowhere does not resolve",
    ]);
  });

  it("names an operation without operationId or responses, and a repeated operationId", () => {
    const document = example();
    delete document.paths["/pings"].post.operationId;
    document.webhooks.pingEvent.post.responses = {};
    document.paths["/pings/{pingId}"].get.responses = {};
    document.paths["/pings/{pingId}"].delete.operationId = "pings.get";
    document.paths["/pings/{pingId}/file"].get.responses["200"].description = undefined;
    expect(openApiStructureProblems(document)).toEqual([
      "POST /pings has no operationId",
      "GET /pings/{pingId} lists no responses",
      "DELETE /pings/{pingId}: operationId pings.get is used twice",
      "GET /pings/{pingId}/file 200: a response needs a description",
      "webhook POST pingEvent lists no responses",
    ]);
  });

  it("names path parameters missing from the operation or from the path", () => {
    const document = example();
    document.paths["/pings/{pingId}"].get.parameters = [];
    document.paths["/pings/{pingId}"].delete.parameters[0].name = "id";
    document.paths["/pings/{pingId}/file"].get.parameters[0].required = false;
    expect(openApiStructureProblems(document)).toEqual([
      "GET /pings/{pingId}: path parameter {pingId} is not declared",
      "DELETE /pings/{pingId}: path parameter {pingId} is not declared",
      "DELETE /pings/{pingId}: path parameter id is not in the path",
      "GET /pings/{pingId}/file: path parameter {pingId} must be required",
    ]);
  });

  it("names another OpenAPI version and an undeclared security scheme", () => {
    const document = example();
    document.openapi = "3.0.3";
    document.paths["/pings"].post.security = [{ OAuth: [] }];
    expect(openApiStructureProblems(document)).toEqual([
      'openapi is "3.0.3", not 3.1.x',
      "POST /pings: security scheme OAuth is not declared",
    ]);
  });
});
