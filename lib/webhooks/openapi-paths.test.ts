import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createDocument } from "zod-openapi";
import { webhookEvents, webhookPaths } from "./openapi-paths";

// The real shared pieces come from lib/api/openapi (p17-docs) at merge; stand-ins of the same shape.
const shared = {
  requireScope: (scope: string) => [{ ApiKey: [scope] }],
  rateLimitHeaders: z.object({ "RateLimit-Limit": z.int().optional() }),
  problemResponses: (...statuses: number[]) =>
    Object.fromEntries(statuses.map((status) => [String(status), { description: `problem ${status}` }])),
};

describe("the webhook part of the OpenAPI document", () => {
  it("builds, with its schemas as components and the events under `webhooks`", () => {
    const document = createDocument({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: webhookPaths(shared),
      webhooks: webhookEvents,
    });
    expect(Object.keys(document.paths ?? {})).toEqual([
      "/webhooks",
      "/webhooks/{id}",
      "/webhooks/{id}/deliveries",
    ]);
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        "WebhookEndpointCreate",
        "WebhookEndpointCreated",
        "WebhookEndpointList",
        "WebhookDeliveryList",
        "WebhookEventPayload",
        "WebhookEventType",
      ]),
    );
    expect(document.webhooks?.applicationEvent).toBeDefined();
  });
});
