import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { contractChecker } from "./openapi-contract";
import { examplePathGroup } from "./openapi-example-paths";

const check = contractChecker(buildOpenApiDocument([examplePathGroup]));

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
const problem = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", ...headers },
  });

const ping = { id: "p1", pong: true, seenAt: "2026-12-05T08:00:00+08:00" };
const notFound = {
  type: "/developers#problem-not_found",
  title: "Not found",
  status: 404,
  code: "not_found",
};

describe("expectToMatchContract", () => {
  it("accepts a documented answer and gives back its body, leaving the response readable", async () => {
    const response = json(ping, 200, { "RateLimit-Limit": "60" });
    await expect(check("GET", "/pings/{pingId}", response)).resolves.toEqual(ping);
    await expect(
      check("get", "/api/v1/pings/{pingId}", json({ ...ping, seenAt: null })),
    ).resolves.toMatchObject({ id: "p1" });
    expect(await response.json()).toEqual(ping);
  });

  it("accepts documented problems, with their extensions", async () => {
    await expect(check("GET", "/pings/{pingId}", problem(notFound, 404))).resolves.toEqual(notFound);
    const invalid = {
      type: "/developers#problem-validation_failed",
      title: "The request was refused",
      status: 422,
      code: "validation_failed",
      errors: [{ field: "note", code: "too_big", message: "At most 20 characters." }],
    };
    await expect(check("POST", "/pings", problem(invalid, 422))).resolves.toEqual(invalid);
    const limited = { ...notFound, status: 429, code: "rate_limited", retryAfterSeconds: 30 };
    await expect(check("POST", "/pings", problem(limited, 429, { "Retry-After": "30" }))).resolves.toEqual(
      limited,
    );
  });

  it("refuses a body its schema does not accept: a wrong type, a missing or an undocumented field", async () => {
    await expect(check("GET", "/pings/{pingId}", json({ ...ping, pong: "yes" }))).rejects.toThrow(
      /GET \/pings\/\{pingId\} 200: the body does not match the document:\n {2}\/pong must be boolean/,
    );
    await expect(check("GET", "/pings/{pingId}", json({ id: "p1", pong: true }))).rejects.toThrow(
      "must have required property 'seenAt'",
    );
    await expect(check("GET", "/pings/{pingId}", json({ ...ping, secret: "x" }))).rejects.toThrow(
      "must NOT have additional properties",
    );
    await expect(check("GET", "/pings/{pingId}", json({ ...ping, seenAt: "yesterday" }))).rejects.toThrow(
      '/seenAt must match format "date-time"',
    );
    await expect(
      check("GET", "/pings/{pingId}", problem({ ...notFound, code: "gone" }, 404)),
    ).rejects.toThrow("/code must be equal to one of the allowed values");
  });

  it("refuses a status the operation does not document", async () => {
    await expect(check("GET", "/pings/{pingId}", problem(notFound, 409))).rejects.toThrow(
      "GET /pings/{pingId} answered 409, which the document does not list (200, 401, 404, 429)",
    );
  });

  it("refuses the wrong media type, a body that is not JSON and a body where none is documented", async () => {
    await expect(check("GET", "/pings/{pingId}", json(notFound, 404))).rejects.toThrow(
      'Content-Type "application/json" is not documented (application/problem+json)',
    );
    const text = new Response("{oops", { status: 200, headers: { "Content-Type": "application/json" } });
    await expect(check("GET", "/pings/{pingId}", text)).rejects.toThrow("the body is not JSON");
    await expect(check("DELETE", "/pings/{pingId}", json({}))).rejects.toThrow("answered 200");
    await expect(
      check("DELETE", "/pings/{pingId}", new Response(null, { status: 204 })),
    ).resolves.toBeUndefined();
  });

  it("checks the media type of a file answer and leaves its bytes alone", async () => {
    const pdf = new Response("%PDF-1.7", { headers: { "Content-Type": "application/pdf" } });
    await expect(check("GET", "/pings/{pingId}/file", pdf)).resolves.toBe("%PDF-1.7");
    const png = new Response("png", { headers: { "Content-Type": "image/png" } });
    await expect(check("GET", "/pings/{pingId}/file", png)).resolves.toBe("png");
    const html = new Response("<p>", { headers: { "Content-Type": "text/html" } });
    await expect(check("GET", "/pings/{pingId}/file", html)).rejects.toThrow(
      'Content-Type "text/html" is not documented',
    );
  });

  it("refuses a missing required header and an operation the document does not have", async () => {
    const limited = { ...notFound, status: 429, code: "rate_limited" };
    await expect(check("POST", "/pings", problem(limited, 429))).rejects.toThrow(
      "POST /pings 429: the required header Retry-After is missing",
    );
    await expect(check("PUT", "/pings", json(ping))).rejects.toThrow(
      "PUT /pings is not in the OpenAPI document",
    );
  });
});

describe("the request check", () => {
  it("accepts a body the operation's schema accepts and names what it refuses", () => {
    expect(() => check.request("POST", "/pings", "application/json", { note: "hello" })).not.toThrow();
    expect(() => check.request("POST", "/pings", "application/json", { note: "hello", extra: 1 })).toThrow(
      "POST /pings: the request body does not match the document:\n  (body) must NOT have additional properties",
    );
    expect(() => check.request("POST", "/pings", "multipart/form-data", {})).toThrow(
      "POST /pings takes no multipart/form-data body",
    );
  });
});
