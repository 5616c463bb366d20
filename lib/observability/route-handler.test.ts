import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { expectLoggedErrors, loggedLines } from "@/lib/testing/log-capture";
import { sample } from "@/lib/testing/metrics-text";
import { metricsText, resetMetrics } from "./metrics";
import { outcomeOf, routeHandler } from "./route-handler";

beforeEach(() => resetMetrics());

const request = (headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/thing?secret=1", { method: "POST", headers });

describe("routeHandler", () => {
  it("passes the arguments through and answers what the handler answered", async () => {
    const handler = routeHandler("test.echo", async (incoming: Request, context: { id: string }) =>
      Response.json({ id: context.id, method: incoming.method }, { status: 201 }),
    );
    const response = await handler(request(), { id: "x1" });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: "x1", method: "POST" });
  });

  it("writes one line per call with name, outcome, status, duration and request id", async () => {
    const handler = routeHandler(
      "test.status",
      (incoming: Request) => new Response(null, { status: Number(incoming.headers.get("x-status")) }),
    );
    for (const status of [200, 404, 503])
      await handler(request({ "x-status": String(status), "x-request-id": `req-${status}-abcdef` }));
    const lines = loggedLines().filter((line) => line.event === "route");
    expect(lines).toEqual([
      expect.objectContaining({
        route: "test.status",
        outcome: "ok",
        status: 200,
        requestId: "req-200-abcdef",
      }),
      expect.objectContaining({ outcome: "refused", status: 404, level: 30 }),
      expect.objectContaining({ outcome: "error", status: 503, level: 50 }),
    ]);
    expect(lines.every((line) => typeof line.durationMs === "number" && line.method === "POST")).toBe(true);
    const text = (await metricsText()).body;
    for (const outcome of ["ok", "refused", "error"])
      expect(
        sample(text, "expedite_handler_duration_seconds_count", {
          kind: "route",
          name: "test.status",
          outcome,
        }),
      ).toBe(1);
    expectLoggedErrors();
  });

  it("logs a thrown error by its class, without its message, and throws it on", async () => {
    expectLoggedErrors();
    const handler = routeHandler("test.throws", () => {
      throw new RangeError("row for li.wei@example.com and 王小明 exploded");
    });
    await expect(handler(request({ "x-request-id": "<bad id>" }))).rejects.toThrow(RangeError);
    const [line] = loggedLines().filter((entry) => entry.event === "route");
    expect(line).toMatchObject({ outcome: "error", status: null, error: "RangeError", requestId: null });
    expect(JSON.stringify(line)).not.toContain("王小明");
  });

  it("maps statuses to outcomes", () => {
    expect([200, 303, 399, 400, 429, 499, 500, 503].map(outcomeOf)).toEqual([
      "ok",
      "ok",
      "ok",
      "refused",
      "refused",
      "refused",
      "error",
      "error",
    ]);
  });
});

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /^route\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("every route handler in app/", () => {
  it("is wrapped in routeHandler, so each call is logged and timed", async () => {
    const files = await routeFiles(path.resolve("app"));
    expect(files.length).toBeGreaterThan(5);
    const unwrapped: string[] = [];
    for (const file of files) {
      const text = await readFile(file, "utf8");
      const plainExport = /export\s+(async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/.test(
        text,
      );
      // The partner API's apiRoute (lib/api/handler.ts) wraps its handler in routeHandler itself.
      const wrapped = /routeHandler\(|apiRoute(<[^>]*>)?\(/.test(text);
      if (plainExport || !wrapped) unwrapped.push(path.relative(process.cwd(), file));
    }
    expect(unwrapped).toEqual([]);
  });
});
