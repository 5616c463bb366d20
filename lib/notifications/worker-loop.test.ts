import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import type { OutgoingEmail, Providers } from "./providers";
import { startOutboxWorker, type WorkerLog } from "./worker";

withTestDatabase();

/** An email provider that holds each send until the test lets it go. */
function gatedProviders() {
  const sent: OutgoingEmail[] = [];
  let started: () => void = () => {};
  const sendStarted = new Promise<void>((resolve) => (started = resolve));
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const providers: Providers = {
    email: {
      name: "gated",
      async send(message) {
        started();
        await gate;
        sent.push(message);
      },
    },
    sms: { name: "none", send: async () => {} },
  };
  return { providers, sent, sendStarted, release };
}

describe("startOutboxWorker", () => {
  it("polls, and on stop finishes the batch in hand before resolving", async () => {
    const logs: string[] = [];
    const log: WorkerLog = (_level, message) => logs.push(message);
    const { providers, sent, sendStarted, release } = gatedProviders();
    const worker = startOutboxWorker({ providers, intervalMs: 20, log });
    // Queued after the worker started: found by a later poll.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const row = await db.notification.create({
      data: {
        channel: "EMAIL",
        template: "case.approved",
        payload: { number: "N-1" },
        toAddress: "a@test.example",
      },
    });
    await sendStarted;

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;

    expect(sent.map((message) => message.notificationId)).toEqual([row.id]);
    expect(
      await db.notification.findUniqueOrThrow({ where: { id: row.id }, select: { status: true } }),
    ).toEqual({ status: "SENT" });
    expect(logs).toEqual(["sent 1, retrying 0, failed 0"]);
  });
});
