import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import { observabilityEnv } from "@/lib/env";
import { logger } from "./logger";
import { metricsText } from "./metrics";

export type ScrapeAnswer = {
  status: number;
  headers: Record<string, string>;
  body: string;
};

const REFUSED = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

function sameSecret(given: string, expected: string): boolean {
  // Hashed first so the comparison takes the same time whatever the lengths.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Answers a scrape: 404 while METRICS_TOKEN is unset (the endpoint does not exist), 401 without
 * `Authorization: Bearer <METRICS_TOKEN>`, else the exposition text. For /api/metrics and the
 * worker's listener alike.
 */
export async function answerScrape(authorization: string | null | undefined): Promise<ScrapeAnswer> {
  const token = observabilityEnv().METRICS_TOKEN;
  if (!token) return { status: 404, headers: REFUSED, body: "Not found" };
  const given = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
  if (!given || !sameSecret(given, token))
    return {
      status: 401,
      headers: { ...REFUSED, "WWW-Authenticate": 'Bearer realm="metrics"' },
      body: "Unauthorized",
    };
  const { body, contentType } = await metricsText();
  return { status: 200, headers: { "Content-Type": contentType, "Cache-Control": "no-store" }, body };
}

/**
 * A bare metrics listener for a process without a web server (the worker): GET /metrics on `port`,
 * behind the same token. Resolves once listening.
 */
export async function serveMetrics(port: number, hostname = "0.0.0.0"): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?", 1)[0];
    if (request.method !== "GET" || path !== "/metrics") {
      response.writeHead(404, REFUSED).end("Not found");
      return;
    }
    answerScrape(request.headers.authorization).then(
      (answer) => response.writeHead(answer.status, answer.headers).end(answer.body),
      (error: unknown) => {
        logger().error({ err: error, event: "metrics" }, "metrics scrape failed");
        response.writeHead(500, REFUSED).end("Internal error");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  return server;
}
