import { readJsonBody } from "@/lib/api/body";
import { apiJson, apiRoute } from "@/lib/api/handler";
import { listClientEndpoints } from "@/lib/webhooks/data";
import { registerWebhookEndpoint } from "@/lib/webhooks/mutations";
import { webhookEndpointCreateSchema } from "@/lib/webhooks/schema";

// The calling client's webhook endpoints (lib/webhooks; scope webhooks:manage).

export const GET = apiRoute({
  name: "webhooks.list",
  scope: "webhooks:manage",
  handle: async ({ caller }) => apiJson({ data: await listClientEndpoints(caller.clientId) }),
});

export const POST = apiRoute({
  name: "webhooks.create",
  scope: "webhooks:manage",
  handle: async ({ request, caller, locale, now }) => {
    const input = await readJsonBody(request, webhookEndpointCreateSchema, { locale });
    const endpoint = await registerWebhookEndpoint(caller, input, { now });
    return apiJson(endpoint, { status: 201, headers: { Location: `/api/v1/webhooks/${endpoint.id}` } });
  },
});
