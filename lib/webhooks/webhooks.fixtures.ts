// Rows for the webhook tests: API clients and their endpoints, arranged directly (unique per call).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createTestUser } from "@/lib/testing/fixtures";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./events";
import { generateWebhookSecret } from "./signature";

export async function createClientRow(kind: "PARTNER" | "INTERNAL" = "PARTNER") {
  const user = await createTestUser(kind === "PARTNER" ? "APPLICANT" : "SUPERVISOR");
  return db.apiClient.create({
    data: {
      name: `${kind.toLowerCase()}-${randomUUID().slice(0, 6)}`,
      kind,
      userId: user.id,
      contactEmail: `owner-${randomUUID()}@partner.example`,
    },
    select: { id: true, kind: true, userId: true, contactEmail: true },
  });
}

export async function createTestEndpoint(
  clientId: string,
  options: { url?: string; events?: readonly WebhookEventType[]; disabledAt?: Date } = {},
) {
  return db.webhookEndpoint.create({
    data: {
      clientId,
      url: options.url ?? "https://hooks.partner.example/expedite",
      secret: generateWebhookSecret(),
      events: [...(options.events ?? WEBHOOK_EVENT_TYPES)],
      disabledAt: options.disabledAt ?? null,
    },
    select: { id: true, url: true, secret: true },
  });
}

/** The events written for a case, oldest first. */
export function eventsOf(applicationId: string) {
  return db.webhookEvent.findMany({
    where: { applicationId },
    orderBy: { seq: "asc" },
    select: { id: true, type: true, payload: true, deliveries: { select: { endpointId: true } } },
  });
}
