import { apiRoute } from "@/lib/api/handler";
import { deleteWebhookEndpoint } from "@/lib/webhooks/mutations";

export const DELETE = apiRoute<{ id: string }>({
  name: "webhooks.delete",
  scope: "webhooks:manage",
  handle: async ({ caller, params, now }) => {
    await deleteWebhookEndpoint(caller, params.id, now);
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  },
});
