import { readJsonBody } from "@/lib/api/body";
import { apiJson, apiRoute } from "@/lib/api/handler";
import { transitionCase } from "@/lib/api/applications/mutations";
import { transitionRequestSchema } from "@/lib/api/applications/schema";

/** One workflow step: an internal system's staff member's, or a partner's applicant's (scope checked in lib). */
export const POST = apiRoute<{ number: string }>({
  name: "applications.transition",
  scope: null,
  handle: async ({ request, caller, params, locale, now }) => {
    const body = await readJsonBody(request, transitionRequestSchema, { locale });
    return apiJson(await transitionCase(caller, params.number, body, { now, locale }));
  },
});
