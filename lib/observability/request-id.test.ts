import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { loggedLines } from "@/lib/testing/log-capture";
import { logger } from "./logger";
import { assignRequestId, logAccess, loggedPath, requestIdFor } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("requestIdFor", () => {
  it("accepts a proxy's id only from a trusted proxy and only when it is a plain token", () => {
    expect(requestIdFor("0f1e2d3c4b5a69788796a5b4c3d2e1f0", true)).toBe("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    expect(requestIdFor("0f1e2d3c4b5a69788796a5b4c3d2e1f0", false)).toMatch(UUID);
    for (const unsafe of [
      "short",
      "x".repeat(65),
      "id with spaces",
      "id\r\nX-Evil: 1",
      "<script>abc</script>",
    ])
      expect(requestIdFor(unsafe, true)).toMatch(UUID);
    expect(requestIdFor(["aaaaaaaa-1", "bbbbbbbb-2"], true)).toMatch(UUID);
    expect(requestIdFor(undefined, true)).toMatch(UUID);
    expect(requestIdFor(undefined, false)).not.toBe(requestIdFor(undefined, false));
  });

  it("logs the path without its query string", () => {
    expect(loggedPath("/signin/unlock?token=abc")).toBe("/signin/unlock");
    expect(loggedPath("/track#x")).toBe("/track");
    expect(loggedPath(undefined)).toBe("/");
  });
});

describe("a request through a server that assigns ids", () => {
  let server: Server | undefined;

  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  async function serve(trusted: boolean) {
    const seen: string[] = [];
    server = createServer((request, response) => {
      const id = assignRequestId(request, response, trusted);
      logAccess(logger(), request, response, id);
      // What Next would read from the request headers.
      seen.push(String(request.headers["x-request-id"]));
      response.statusCode = request.url?.startsWith("/missing") ? 404 : 200;
      response.end("ok");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
  }

  it("sends the id back, hands it to the app, and writes one access line with it", async () => {
    const { base, seen } = await serve(false);
    const response = await fetch(`${base}/missing/page?token=secret-token-value`, {
      headers: { "X-Request-Id": "chosen-by-the-client" },
    });
    await response.text();
    const id = response.headers.get("x-request-id")!;
    expect(id).toMatch(UUID);
    expect(seen).toEqual([id]);
    await expect.poll(() => loggedLines().filter((line) => line.event === "request")).toHaveLength(1);
    const [line] = loggedLines().filter((entry) => entry.event === "request");
    expect(line).toMatchObject({ method: "GET", path: "/missing/page", status: 404, requestId: id });
    expect(typeof line!.durationMs).toBe("number");
    expect(JSON.stringify(loggedLines())).not.toContain("secret-token-value");
  });

  it("keeps the id a trusted proxy sent", async () => {
    const { base, seen } = await serve(true);
    const response = await fetch(`${base}/`, { headers: { "X-Request-Id": "nginx-0123456789abcdef" } });
    await response.text();
    expect(response.headers.get("x-request-id")).toBe("nginx-0123456789abcdef");
    expect(seen).toEqual(["nginx-0123456789abcdef"]);
  });
});
