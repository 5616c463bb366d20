import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { z } from "zod";

/** SHUTDOWN_GRACE_MS. The orchestrator must wait longer before it kills (docker stop: 10 s by default). */
export const shutdownGraceSchema = z.coerce
  .number({ error: "SHUTDOWN_GRACE_MS must be a number of milliseconds" })
  .int("SHUTDOWN_GRACE_MS must be a whole number of milliseconds")
  .min(0, "SHUTDOWN_GRACE_MS must be 0 or more")
  .max(600_000, "SHUTDOWN_GRACE_MS must be at most 600000 (10 minutes)")
  .default(10_000);

export type DrainOutcome = "drained" | "forced";

export type GracefulShutdown = {
  isDraining(): boolean;
  /** Call first for every request: tracks it, and while draining asks the client to close after it. */
  track(request: IncomingMessage, response: ServerResponse): void;
  /**
   * Stops accepting connections and lets the requests in flight finish; after graceMs the
   * connections still open are cut. Resolves once the server is closed; calling again returns the
   * same promise.
   */
  drain(): Promise<DrainOutcome>;
};

/**
 * Why more than server.close(): close() only stops accepting and waits for every connection to end,
 * and a keep-alive connection from a proxy never ends by itself. nginx with upstream keepalive sends
 * its next request down the same connection, so close() waited until the deadline every time
 * (research notes, issue 14 §5). So while draining every response says `Connection: close`, and
 * connections that fall idle are closed at once.
 */
export function gracefulShutdown(server: Server, options: { graceMs: number }): GracefulShutdown {
  const inFlight = new Set<ServerResponse>();
  let draining: Promise<DrainOutcome> | undefined;

  const closeAfterResponse = (response: ServerResponse) => {
    if (!response.headersSent) response.setHeader("Connection", "close");
  };

  return {
    isDraining: () => draining !== undefined,
    track(_request, response) {
      inFlight.add(response);
      response.once("close", () => inFlight.delete(response));
      if (draining) {
        closeAfterResponse(response);
        // Its connection may carry no further request; close it as soon as it is idle.
        response.once("finish", () => setImmediate(() => server.closeIdleConnections()));
      }
    },
    drain() {
      draining ??= new Promise<DrainOutcome>((resolve) => {
        let outcome: DrainOutcome = "drained";
        const deadline = setTimeout(() => {
          outcome = "forced";
          server.closeAllConnections();
        }, options.graceMs);
        server.close(() => {
          clearTimeout(deadline);
          resolve(outcome);
        });
        // close() has already closed the connections that were idle (Node 19 and later).
        for (const response of inFlight) {
          closeAfterResponse(response);
          response.once("finish", () => setImmediate(() => server.closeIdleConnections()));
        }
      });
      return draining;
    },
  };
}

/**
 * SIGTERM or SIGINT runs `stop` once and exits 0 (1 if it failed); a second signal exits at once,
 * for the person pressing Ctrl-C twice.
 */
export function exitOnSignals(stop: (signal: string) => Promise<void>, log: (line: string) => void): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now.`);
      process.exit(1);
    }
    stopping = true;
    stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
