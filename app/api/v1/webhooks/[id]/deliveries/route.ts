import { fieldProblemsOf } from "@/lib/api/field-problems";
import { apiJson, apiRoute } from "@/lib/api/handler";
import { ApiProblem } from "@/lib/api/problem";
import { findClientEndpoint, listEndpointDeliveries } from "@/lib/webhooks/data";
import { deliveryListQuerySchema } from "@/lib/webhooks/schema";

// An endpoint's delivery log, newest first (cursor pagination): what was sent, tried and answered.
export const GET = apiRoute<{ id: string }>({
  name: "webhooks.deliveries",
  scope: "webhooks:manage",
  handle: async ({ request, caller, params, locale }) => {
    const query = deliveryListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success)
      throw new ApiProblem("validation_failed", {
        extensions: { errors: await fieldProblemsOf(query.error.issues, locale) },
      });
    const endpoint = /^[0-9a-f-]{36}$/i.test(params.id)
      ? await findClientEndpoint(caller.clientId, params.id)
      : null;
    if (!endpoint) throw new ApiProblem("not_found");
    return apiJson(await listEndpointDeliveries(endpoint.id, query.data));
  },
});
