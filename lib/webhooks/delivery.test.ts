import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { collectingLog } from "@/lib/jobs/jobs.fixtures";
import { startJobWorker } from "@/lib/jobs/runner";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { DISABLE_AFTER_MS, MAX_RETRY_DELAY_MS } from "./backoff";
import { runWebhookDeliveryOnce, type DeliveryOptions } from "./delivery";
import type { WebhookEventType } from "./events";
import { recordWebhookEvents } from "./outbox-mutations";
import { verifyWebhook } from "./signature";
import type { UrlPolicy } from "./url-guard";
import { createClientRow, createTestEndpoint } from "./webhooks.fixtures";

const database = withTestDatabase();

const T0 = new Date("2026-12-05T08:00:00Z");
const MINUTE = 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
// Development's rules (http and loopback allowed), as the worker outside production uses them.
const LOCAL: UrlPolicy = { production: false };

let serviceId = "";
let applicantId = "";
let receiver: WebhookReceiver;
// The receiver's clock agrees with the sender's (the replay window is checked against it).
let receiverClock = T0;
const { log, lines } = collectingLog();

beforeAll(async () => {
  serviceId = await createTestService();
  applicantId = (await createTestUser()).id;
});

beforeEach(async () => {
  await db.webhookDelivery.deleteMany();
  await db.webhookEvent.deleteMany();
  await db.webhookEndpoint.deleteMany();
  receiver = await startWebhookReceiver();
  lines.length = 0;
});

afterEach(async () => {
  await receiver.close();
});

/** Every pass due at `now`, until one claims nothing (what the worker's task does). */
async function drain(now: Date, options: Partial<DeliveryOptions> = {}) {
  receiverClock = now;
  let passes = 0;
  for (;;) {
    const pass = await runWebhookDeliveryOnce({ now, policy: LOCAL, random: () => 0.5, log, ...options });
    if (pass.claimed === 0) return passes;
    passes += 1;
  }
}

async function partnerWithEndpoint(url = receiver.url) {
  const client = await createClientRow();
  const endpoint = await createTestEndpoint(client.id, { url });
  receiver.verifyWith(endpoint.secret, () => receiverClock);
  return { client, endpoint };
}

async function partnerCase(clientId: string) {
  return createTestApplication({ applicantId, serviceId, apiClientId: clientId });
}

/** The events of one change, as the workflow writes them (in its transaction). */
async function happen(
  application: { id: string; number: string },
  types: WebhookEventType[],
  occurredAt: Date,
  version = 1,
) {
  return db.$transaction((tx) =>
    recordWebhookEvents(tx, {
      applicationId: application.id,
      types,
      application: {
        number: application.number,
        status: "IN_PROGRESS",
        currentNode: "MATERIAL_CHECK",
        version,
      },
      occurredAt,
    }),
  );
}

describe("signed deliveries to a real receiver", () => {
  it("signs the body with the endpoint's secret: the receiver's check passes, and fails for a changed body, an old timestamp or another secret", async () => {
    const { client, endpoint } = await partnerWithEndpoint();
    receiver.verifyWith(endpoint.secret, () => T0);
    const [event] = await happen(await partnerCase(client.id), ["application.node_changed"], T0);
    await drain(T0);

    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.verified).toEqual({ ok: true });
    expect(got.id).toBe(event!.id);
    expect(got.payload.id).toBe(event!.id);
    expect(got.timestamp).toBe(String(T0.getTime() / 1000));
    const headers = {
      "webhook-id": got.id,
      "webhook-timestamp": got.timestamp,
      "webhook-signature": got.signature,
    };
    expect(
      verifyWebhook(endpoint.secret, headers, got.body.replace("MATERIAL_CHECK", "DECISION"), T0),
    ).toEqual({
      ok: false,
      reason: "signature",
    });
    expect(verifyWebhook(endpoint.secret, headers, got.body, at(6 * MINUTE))).toEqual({
      ok: false,
      reason: "timestamp",
    });
    expect(verifyWebhook(endpoint.secret, { ...headers, "webhook-id": "another" }, got.body, T0)).toEqual({
      ok: false,
      reason: "signature",
    });
    const other = await createTestEndpoint((await createClientRow()).id);
    expect(verifyWebhook(other.secret, headers, got.body, T0)).toEqual({ ok: false, reason: "signature" });
  });

  it("retries after a 500 and delivers exactly once; the success clears the endpoint's failing time", async () => {
    const { client, endpoint } = await partnerWithEndpoint();
    const [event] = await happen(await partnerCase(client.id), ["application.decided"], T0);
    receiver.respondWith(500);

    await drain(T0);
    const failed = await db.webhookDelivery.findFirstOrThrow({ where: { eventId: event!.id } });
    expect(failed).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastStatusCode: 500,
      lastError: "HTTP 500",
    });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(T0.getTime());
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toEqual(
      T0,
    );
    // Not due yet: nothing is sent.
    expect(await drain(at(1000))).toBe(0);

    await drain(at(MAX_RETRY_DELAY_MS));
    await drain(at(2 * MAX_RETRY_DELAY_MS));
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 200]);
    expect(receiver.accepted().map((r) => r.id)).toEqual([event!.id]);
    expect(receiver.received.every((r) => r.verified.ok)).toBe(true);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { eventId: event!.id } })).toMatchObject({
      status: "DELIVERED",
      attempts: 2,
      lastStatusCode: 200,
      lastError: null,
      deliveredAt: at(MAX_RETRY_DELAY_MS),
    });
    expect(
      (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince,
    ).toBeNull();
  });

  it("keeps everything while the receiver is down and delivers it later once, in each case's order", async () => {
    const { client } = await partnerWithEndpoint();
    const port = receiver.port;
    await receiver.close();
    const first = await partnerCase(client.id);
    const second = await partnerCase(client.id);
    const ids: Record<string, string[]> = { [first.number]: [], [second.number]: [] };
    // Interleaved changes of two cases, each its own transaction.
    for (const [step, application] of [first, second, first, first, second].entries()) {
      const types: WebhookEventType[] =
        step === 3 ? ["application.node_changed", "application.decided"] : ["application.node_changed"];
      for (const event of await happen(application, types, at(step * 1000), step + 1))
        ids[application.number]!.push(event.id);
    }

    // Down for two hours: connection refused at every try, and only each case's first event is tried.
    for (let minute = 0; minute <= 120; minute += 10) await drain(at(minute * MINUTE));
    const waiting = await db.webhookDelivery.findMany({ orderBy: { eventSeq: "asc" } });
    expect(waiting.every((d) => d.status === "PENDING")).toBe(true);
    const tried = waiting.filter((d) => d.attempts > 0);
    expect(tried.map((d) => d.eventId).sort()).toEqual(
      [ids[first.number]![0], ids[second.number]![0]].sort(),
    );
    expect(tried.every((d) => /ECONNREFUSED/.test(d.lastError ?? ""))).toBe(true);

    receiver = await startWebhookReceiver(port);
    receiver.verifyWith(
      (await db.webhookEndpoint.findFirstOrThrow({ where: { clientId: client.id } })).secret,
      () => receiverClock,
    );
    await drain(at(120 * MINUTE + MAX_RETRY_DELAY_MS));

    const delivered = receiver.accepted();
    expect(delivered.map((r) => r.id).sort()).toEqual([...ids[first.number]!, ...ids[second.number]!].sort());
    for (const number of [first.number, second.number])
      expect(delivered.filter((r) => r.payload.data.application.number === number).map((r) => r.id)).toEqual(
        ids[number],
      );
    expect(delivered.map((r) => r.verified)).toEqual(delivered.map(() => ({ ok: true })));
    expect(await db.webhookDelivery.count({ where: { status: { not: "DELIVERED" } } })).toBe(0);
  });

  it("disables an endpoint that failed for a day, gives up its deliveries and emails its owner", async () => {
    const { client, endpoint } = await partnerWithEndpoint();
    const application = await partnerCase(client.id);
    await happen(application, ["application.node_changed"], T0);
    await happen(application, ["application.decided"], at(1000), 2);
    receiver.respondWith(...Array<number>(100).fill(503));

    for (let hour = 0; hour < 24; hour++) await drain(at(hour * 60 * MINUTE));
    expect(
      (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).disabledAt,
    ).toBeNull();
    await drain(at(DISABLE_AFTER_MS + MAX_RETRY_DELAY_MS));

    const disabled = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled.disabledAt).toEqual(at(DISABLE_AFTER_MS + MAX_RETRY_DELAY_MS));
    expect(disabled.disabledReason).toBe("failing");
    expect((await db.webhookDelivery.findMany()).map((d) => d.status)).toEqual(["FAILED", "FAILED"]);
    expect(
      await db.notification.findMany({
        where: { template: "webhook.endpointDisabled", recipientId: client.userId },
        select: { channel: true, toAddress: true, payload: true },
      }),
    ).toEqual([
      {
        channel: "EMAIL",
        toAddress: client.contactEmail,
        payload: { path: "/developers", host: new URL(receiver.url).host },
      },
    ]);
    // Nothing more is tried, and a new event of the case is not even recorded for it.
    const before = receiver.received.length;
    await happen(application, ["application.node_changed"], at(DISABLE_AFTER_MS * 2), 3);
    await drain(at(DISABLE_AFTER_MS * 2));
    expect(receiver.received.length).toBe(before);
    expect(await db.webhookDelivery.count()).toBe(2);
  });
});

describe("a receiver that never answers", () => {
  it("is a failure once the timeout passes, recorded for a retry", async () => {
    const silent = http.createServer(() => {
      // Reads the request and never answers.
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const client = await createClientRow();
      const port = (silent.address() as AddressInfo).port;
      await createTestEndpoint(client.id, { url: `http://127.0.0.1:${port}/hooks` });
      const [event] = await happen(await partnerCase(client.id), ["application.decided"], T0);
      await drain(T0, { timeoutMs: 200 });
      expect(await db.webhookDelivery.findFirstOrThrow({ where: { eventId: event!.id } })).toMatchObject({
        status: "PENDING",
        attempts: 1,
        lastStatusCode: null,
        lastError: "timeout after 200 ms",
      });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe("server-side request forgery at delivery time", () => {
  const PRODUCTION: UrlPolicy = { production: true, lookup: async () => ["127.0.0.1"] };

  it("refuses in production an http URL and a name that resolves to a loopback address, without connecting", async () => {
    const { client } = await partnerWithEndpoint();
    const rebound = await createClientRow();
    await createTestEndpoint(rebound.id, { url: "https://hooks.partner.example/expedite" });
    await happen(await partnerCase(client.id), ["application.node_changed"], T0);
    await happen(await partnerCase(rebound.id), ["application.node_changed"], T0);

    await drain(T0, { policy: PRODUCTION });
    expect(receiver.received).toEqual([]);
    expect(
      (await db.webhookDelivery.findMany({ select: { lastError: true } })).map((d) => d.lastError).sort(),
    ).toEqual(["refused: forbidden_address", "refused: scheme"]);
  });

  it("delivers in production to a host the operator listed as trusted (an internal receiver), and only to it", async () => {
    const { client } = await partnerWithEndpoint();
    await happen(await partnerCase(client.id), ["application.node_changed"], T0);
    await drain(T0, { policy: { production: true, trustedHosts: ["localhost"] } });
    expect(receiver.received).toEqual([]);
    await drain(at(MAX_RETRY_DELAY_MS), { policy: { production: true, trustedHosts: ["127.0.0.1"] } });
    expect(receiver.accepted()).toHaveLength(1);
  });

  it("connects to the address it checked, not to a second resolution of the name", async () => {
    const client = await createClientRow();
    // The name exists only in this lookup: the delivery can only arrive through the checked address.
    const endpoint = await createTestEndpoint(client.id, {
      url: `http://receiver.invalid:${receiver.port}/hooks`,
    });
    receiver.verifyWith(endpoint.secret);
    await happen(await partnerCase(client.id), ["application.node_changed"], T0);
    await drain(T0, { policy: { production: false, lookup: async () => ["127.0.0.1"] } });
    expect(receiver.accepted()).toHaveLength(1);
  });
});

describe("the job worker", () => {
  it("delivers a committed event at once: the delivery row wakes it", async () => {
    const { client } = await partnerWithEndpoint();
    const worker = await startJobWorker({
      connectionString: database.current().url,
      log,
      crontab: [],
      concurrency: 1,
      pollIntervalMs: 3_600_000,
    });
    try {
      const application = await partnerCase(client.id);
      // The real clock: the worker's task runs on it.
      const [event] = await happen(application, ["application.submitted"], new Date());
      await receiver.waitFor(1);
      expect(receiver.accepted().map((r) => r.id)).toEqual([event!.id]);
    } finally {
      await worker.stop();
    }
  });
});
