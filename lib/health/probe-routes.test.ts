import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerHealthProbe } from "./probe-routes";
import type { Readiness } from "./readiness";

let readiness: Readiness = { ok: true };
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (answerHealthProbe(request, response, { check: async () => readiness })) return;
    response.end("the app");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function call(method: string, path: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const outgoing = httpRequest({ host: "127.0.0.1", port, method, path }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      });
      outgoing.on("error", reject);
      outgoing.end();
    },
  );
}

describe("answerHealthProbe", () => {
  it("answers live with 200 whatever readiness says", async () => {
    readiness = { ok: false, reason: "database_unreachable" };
    const live = await call("GET", "/api/health/live");
    expect(live).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect(live.headers["cache-control"]).toBe("no-store");
  });

  it("answers ready with 200, or 503 and the reason as JSON", async () => {
    readiness = { ok: true };
    expect(await call("GET", "/api/health/ready")).toMatchObject({ status: 200, body: '{"ok":true}' });
    readiness = { ok: false, reason: "migrations_pending" };
    const notReady = await call("GET", "/api/health/ready?from=nginx");
    expect(notReady).toMatchObject({ status: 503, body: '{"ok":false,"reason":"migrations_pending"}' });
    expect(notReady.headers["content-type"]).toBe("application/json");
    expect(await call("HEAD", "/api/health/ready")).toMatchObject({ status: 503, body: "" });
  });

  it("refuses other methods and leaves every other path to the app", async () => {
    expect(await call("POST", "/api/health/ready")).toMatchObject({ status: 405 });
    expect(await call("GET", "/api/health")).toMatchObject({ status: 200, body: "the app" });
    expect(await call("GET", "/api/health/readyz")).toMatchObject({ body: "the app" });
  });
});
