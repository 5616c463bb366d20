import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPaced } from "./paced";

let server: Server;
let url: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.statusCode = request.url === "/missing" ? 404 : 200;
    request.resume();
    request.on("end", () => response.end("ok"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("runPaced", () => {
  it("sends at the asked rate and waits for every answer", async () => {
    const result = await runPaced({
      url,
      rate: 200,
      seconds: 0.5,
      connections: 5,
      next: () => ({ method: "POST", path: "/x", body: "{}" }),
    });
    // Never more than the schedule allows (200/s for 0.5 s, and the first at once). How many fewer a
    // busy machine sends depends on its timers, so only that some left is asserted: no wall clock.
    expect(result.sent).toBeLessThanOrEqual(101);
    expect(result.sent).toBeGreaterThan(0);
    // Every request sent was answered, reached the server and was counted once.
    expect(result.completed).toBe(result.sent);
    expect(result.unexpected).toBe(0);
    expect(seen.filter((line) => line === "POST /x")).toHaveLength(result.sent);
  });

  it("counts answers that are not 2xx", async () => {
    const result = await runPaced({
      url,
      rate: 50,
      seconds: 0.2,
      connections: 2,
      next: () => ({ method: "GET", path: "/missing" }),
    });
    expect(result.unexpected).toBe(result.completed);
    expect(result.completed).toBeGreaterThan(0);
  });
});
