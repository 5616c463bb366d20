import { createServer } from "node:http";
import next from "next";
import { normalizeAddress, resolveClientIp } from "../lib/http/client-ip";
import { applyEarlyChecks } from "../lib/http/early-checks";
import { scrubMultipartHeaders } from "../lib/http/multipart-headers";
import { logger } from "../lib/observability/logger";
import { assignRequestId, logAccess } from "../lib/observability/request-id";

/**
 * Next.js behind a thin Node server, for one reason: the client address. Next passes a client-sent
 * x-forwarded-for through untouched, so throttles keyed by address could be dodged. Here we resolve
 * the real address from the socket (and trusted proxies only) and overwrite the header. The same
 * distrust applies to the other forwarding headers, and oversized bodies stop here (early-checks.ts).
 */
export async function startServer(options: { port: number; hostname?: string; dev?: boolean }) {
  const hostname = options.hostname ?? "0.0.0.0";
  const trustedProxies = (process.env.TRUSTED_PROXIES ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const app = next({ dev: options.dev ?? false, hostname, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    const started = performance.now();
    const peer = normalizeAddress(request.socket.remoteAddress);
    const requestId = assignRequestId(request, response, peer !== null && trustedProxies.includes(peer));
    logAccess(logger(), request, response, requestId, started);
    const clientIp = resolveClientIp(
      request.socket.remoteAddress,
      request.headers["x-forwarded-for"],
      trustedProxies,
    );
    if (clientIp) request.headers["x-forwarded-for"] = clientIp;
    else delete request.headers["x-forwarded-for"];
    if (!applyEarlyChecks(request, response, trustedProxies)) return;
    scrubMultipartHeaders(request);
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, hostname, resolve);
  });
  return server;
}

// Run directly (the e2e tests do): serve the existing production build with the environment as given.
if (process.argv[1] && /server\.ts$/.test(process.argv[1])) {
  const port = Number(process.env.PORT ?? 3000);
  startServer({ port }).then(
    () => logger().info({ event: "listening", port }, `Expedite listening on http://localhost:${port}`),
    (error: unknown) => {
      logger().fatal({ err: error }, "the server did not start");
      process.exit(1);
    },
  );
}
