import { readJsonBody } from "@/lib/api/body";
import { apiJson, apiRoute } from "@/lib/api/handler";
import { transitionCase } from "@/lib/api/applications/mutations";
import { transitionRequestSchema } from "@/lib/api/applications/schema";

/** One workflow step, for internal systems (as their staff member). */
export const POST = apiRoute<{ number: string }>({
  name: "applications.transition",
  scope: "cases:transition",
  handle: async ({ request, caller, params, locale, now }) => {
    const body = await readJsonBody(request, transitionRequestSchema, { locale });
    return apiJson(await transitionCase(caller, params.number, body, { now, locale }));
  },
});
