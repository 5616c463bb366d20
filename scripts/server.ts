import { createServer } from "node:http";
import next from "next";
import { resolveClientIp } from "../lib/http/client-ip";
import { applyEarlyChecks } from "../lib/http/early-checks";
import { scrubMultipartHeaders } from "../lib/http/multipart-headers";

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
  // Longer than a proxy keeps an idle upstream connection (nginx: 60 s), so the proxy, not Node, closes
  // it: otherwise Node may close a connection just as the proxy sends a request on it, and a POST
  // then fails with a reset that the proxy must not retry.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
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
    () => console.log(`Expedite listening on http://localhost:${port}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
