import { createServer, type Server } from "node:http";
import next from "next";
import { disconnectPrisma } from "../lib/db/client-global";
import { serverEnv } from "../lib/env";
import { answerHealthProbe } from "../lib/health/probe-routes";
import { readinessProbe } from "../lib/health/readiness";
import { normalizeAddress, resolveClientIp } from "../lib/http/client-ip";
import { applyEarlyChecks } from "../lib/http/early-checks";
import { exitOnSignals, gracefulShutdown, type DrainOutcome } from "../lib/http/graceful-shutdown";
import { scrubMultipartHeaders } from "../lib/http/multipart-headers";
import { logger } from "../lib/observability/logger";
import { assignRequestId, logAccess } from "../lib/observability/request-id";

export type RunningServer = { server: Server; drain: () => Promise<DrainOutcome> };

/**
 * Next.js behind a thin Node server, for one reason: the client address. Next passes a client-sent
 * x-forwarded-for through untouched, so throttles keyed by address could be dodged. Here we resolve
 * the real address from the socket (and trusted proxies only) and overwrite the header. The same
 * distrust applies to the other forwarding headers, and oversized bodies stop here (early-checks.ts).
 * It also answers the health probes and drains on shutdown (decision 022).
 */
export async function startServer(options: { port: number; hostname?: string; dev?: boolean }) {
  const hostname = options.hostname ?? "0.0.0.0";
  const env = serverEnv();
  const app = next({ dev: options.dev ?? false, hostname, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    const started = performance.now();
    const peer = normalizeAddress(request.socket.remoteAddress);
    const requestId = assignRequestId(request, response, env.TRUSTED_PROXIES.contains(peer));
    logAccess(logger(), request, response, requestId, started);
    shutdown.track(request, response);
    if (answerHealthProbe(request, response, readiness)) return;
    const clientIp = resolveClientIp(
      request.socket.remoteAddress,
      request.headers["x-forwarded-for"],
      env.TRUSTED_PROXIES,
    );
    if (clientIp) request.headers["x-forwarded-for"] = clientIp;
    else delete request.headers["x-forwarded-for"];
    if (!applyEarlyChecks(request, response, env.TRUSTED_PROXIES)) return;
    scrubMultipartHeaders(request);
    void handle(request, response);
  });
  // Longer than a proxy keeps an idle upstream connection (nginx: 60 s), so the proxy, not Node, closes
  // it: otherwise Node may close a connection just as the proxy sends a request on it, and a POST
  // then fails with a reset that the proxy must not retry.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const shutdown = gracefulShutdown(server, { graceMs: env.SHUTDOWN_GRACE_MS });
  const readiness = readinessProbe({ databaseUrl: env.DATABASE_URL, isDraining: shutdown.isDraining });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, hostname, resolve);
  });
  const drain = async () => {
    const outcome = await shutdown.drain();
    await readiness.close().catch(() => {});
    return outcome;
  };
  return { server, drain } satisfies RunningServer;
}

/** SIGTERM/SIGINT: drain, close the database pool, exit 0 (npm run serve and the e2e server). */
export function stopOnSignals(running: RunningServer, log: (line: string) => void) {
  exitOnSignals(async (signal) => {
    log(`${signal} received: finishing the requests in flight, accepting no new ones.`);
    const outcome = await running.drain();
    log(outcome === "drained" ? "All requests finished." : "Grace period over: open connections were cut.");
    await disconnectPrisma();
  }, log);
}

// Run directly (the e2e tests do): serve the existing production build with the environment as given.
if (process.argv[1] && /server\.ts$/.test(process.argv[1])) {
  const port = Number(process.env.PORT ?? 3000);
  startServer({ port }).then(
    (running) => {
      logger().info({ event: "listening", port }, `Expedite listening on http://localhost:${port}`);
      stopOnSignals(running, (line) => logger().info({ event: "shutdown" }, line));
    },
    (error: unknown) => {
      logger().fatal({ err: error }, "the server did not start");
      process.exit(1);
    },
  );
}
