// A real HTTP receiver for webhook tests (node:http on 127.0.0.1, a free port): it checks each
// request's signature as a partner would (lib/webhooks/signature.ts verifyWebhook) and answers with
// what the test scripted. Used by lib/webhooks tests and the end-to-end tests (e2e/support).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook, type VerifyResult } from "@/lib/webhooks/signature";

export type ReceivedWebhook = {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  payload: { id: string; type: string; occurredAt: string; data: { application: Record<string, unknown> } };
  /** The receiver's check with its secret and clock (set by the test). */
  verified: VerifyResult;
  /** The status it answered. */
  answered: number;
};

export type WebhookReceiver = {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** Only the requests answered 2xx: what a partner processed. */
  accepted: () => ReceivedWebhook[];
  /** Status codes for the next requests, in order; after them, 200. */
  respondWith: (...statuses: number[]) => void;
  /** Resolves once `count` requests have arrived (for a real worker, whose timing is its own). */
  waitFor: (count: number) => Promise<void>;
  /** The secret and clock the receiver verifies with. */
  verifyWith: (secret: string, clock?: () => Date) => void;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const script: number[] = [];
  let secret = "";
  let clock: () => Date = () => new Date();
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value.join(" ") : (value ?? "");
      };
      const answered = script.shift() ?? 200;
      let payload: ReceivedWebhook["payload"];
      try {
        payload = JSON.parse(body) as ReceivedWebhook["payload"];
      } catch {
        payload = { id: "", type: "", occurredAt: "", data: { application: {} } };
      }
      received.push({
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp"),
        signature: header("webhook-signature"),
        body,
        payload,
        verified: verifyWebhook(
          secret,
          {
            "webhook-id": header("webhook-id"),
            "webhook-timestamp": header("webhook-timestamp"),
            "webhook-signature": header("webhook-signature"),
          },
          body,
          clock(),
        ),
        answered,
      });
      for (const waiter of waiters.filter((entry) => received.length >= entry.count)) waiter.resolve();
      response.writeHead(answered, { "content-type": "text/plain" }).end(answered < 300 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}/hooks`,
    port: actualPort,
    received,
    accepted: () => received.filter((entry) => entry.answered >= 200 && entry.answered < 300),
    respondWith: (...statuses) => void script.push(...statuses),
    waitFor: (count) =>
      received.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    verifyWith: (value, next) => {
      secret = value;
      if (next) clock = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
