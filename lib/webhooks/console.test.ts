import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotAuthorizedError, UserFacingError } from "@/lib/errors";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { findEndpointForConsole } from "./data";
import { runWebhookDeliveryOnce } from "./delivery";
import { redeliverWebhook, reenableWebhookEndpoint } from "./mutations";
import { recordWebhookEvents } from "./outbox-mutations";
import { createClientRow, createTestEndpoint } from "./webhooks.fixtures";

withTestDatabase();

const T0 = new Date("2026-12-05T08:00:00Z");
const LOCAL = { production: false };
const quiet = () => {};

beforeEach(async () => {
  await db.webhookDelivery.deleteMany();
  await db.webhookEvent.deleteMany();
});

async function deliveredOnce() {
  const receiver = await startWebhookReceiver();
  const client = await createClientRow();
  const endpoint = await createTestEndpoint(client.id, { url: receiver.url });
  const application = await createTestApplication({
    applicantId: (await createTestUser()).id,
    serviceId: await createTestService(),
    apiClientId: client.id,
  });
  const [event] = await db.$transaction((tx) =>
    recordWebhookEvents(tx, {
      applicationId: application.id,
      types: ["application.decided"],
      application: {
        number: application.number,
        status: "APPROVED",
        currentNode: "RESULT_NOTIFIED",
        version: 2,
      },
      occurredAt: T0,
    }),
  );
  await runWebhookDeliveryOnce({ now: T0, policy: LOCAL, log: quiet });
  const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { eventId: event!.id } });
  return { receiver, endpoint, delivery, event: event! };
}

describe("the console's redeliver and re-enable", () => {
  it("sends a delivered event again with the same id, once, and audits who asked", async () => {
    const admin = await createTestUser("ADMIN");
    const { receiver, delivery, event, endpoint } = await deliveredOnce();
    try {
      expect(delivery.status).toBe("DELIVERED");
      await redeliverWebhook(admin, delivery.id, new Date(T0.getTime() + 60_000));
      // Already waiting: a second click is refused instead of queuing it twice.
      await expect(redeliverWebhook(admin, delivery.id)).rejects.toBeInstanceOf(UserFacingError);
      await runWebhookDeliveryOnce({ now: new Date(T0.getTime() + 60_000), policy: LOCAL, log: quiet });
      await runWebhookDeliveryOnce({ now: new Date(T0.getTime() + 120_000), policy: LOCAL, log: quiet });
      expect(receiver.accepted().map((r) => r.id)).toEqual([event.id, event.id]);
      expect(
        await db.auditLog.findMany({
          where: { action: "webhook.redelivered", entityId: endpoint.id },
          select: { actorId: true, details: true },
        }),
      ).toEqual([{ actorId: admin.id, details: { deliveryId: delivery.id, eventId: event.id } }]);
    } finally {
      await receiver.close();
    }
  });

  it("is for administrators only", async () => {
    const supervisor = await createTestUser("SUPERVISOR");
    const { receiver, delivery, endpoint } = await deliveredOnce();
    await receiver.close();
    await expect(redeliverWebhook(supervisor, delivery.id)).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(reenableWebhookEndpoint(supervisor, endpoint.id)).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(findEndpointForConsole(supervisor, endpoint.id, { limit: 10 })).rejects.toBeInstanceOf(
      NotAuthorizedError,
    );
  });

  it("re-enables a disabled endpoint: new events reach it again, and it counts as healthy", async () => {
    const admin = await createTestUser("ADMIN");
    const client = await createClientRow();
    const endpoint = await createTestEndpoint(client.id, { disabledAt: T0 });
    await db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(T0.getTime() - 86_400_000), disabledReason: "failing" },
    });
    await reenableWebhookEndpoint(admin, endpoint.id, T0);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      disabledAt: null,
      disabledReason: null,
      failingSince: null,
    });
    await expect(reenableWebhookEndpoint(admin, endpoint.id)).rejects.toBeInstanceOf(UserFacingError);
    expect(
      await db.auditLog.count({ where: { action: "webhook.endpointReenabled", entityId: endpoint.id } }),
    ).toBe(1);
  });
});
