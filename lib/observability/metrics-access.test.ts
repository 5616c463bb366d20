import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loggedLines } from "@/lib/testing/log-capture";
import { sample } from "@/lib/testing/metrics-text";
import { readOperationsSnapshot } from "./data";
import { serveMetrics } from "./metrics-access";
import { resetMetrics } from "./metrics";

// No database at all: the gauges' read fails, as when Postgres is down during a scrape.
vi.mock("./data", () => ({ readOperationsSnapshot: vi.fn() }));

const TOKEN = "worker-metrics-token-0123456789abcdef";
let server: Server | undefined;

beforeEach(() => {
  resetMetrics();
  process.env.METRICS_TOKEN = TOKEN;
  vi.mocked(readOperationsSnapshot).mockRejectedValue(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
});

afterEach(async () => {
  delete process.env.METRICS_TOKEN;
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function listen() {
  server = await serveMetrics(0, "127.0.0.1");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("serveMetrics (the worker's listener)", () => {
  it("answers GET /metrics with the token, even while the database cannot be read", async () => {
    const base = await listen();
    const response = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(sample(text, "expedite_database_metrics_up")).toBe(0);
    expect(sample(text, "expedite_outbox_pending_messages")).toBeUndefined();
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(loggedLines()).toContainEqual(
      expect.objectContaining({ event: "metrics", level: 40, msg: "database metrics could not be read" }),
    );
  });

  it("refuses without the token, on other paths, and while no token is set", async () => {
    const base = await listen();
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { Authorization: "Bearer nope" } })).status).toBe(401);
    expect((await fetch(`${base}/other`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(
      404,
    );
    delete process.env.METRICS_TOKEN;
    expect((await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(
      404,
    );
  });
});
