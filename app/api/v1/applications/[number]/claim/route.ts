import { readJsonBody } from "@/lib/api/body";
import { apiJson, apiRoute } from "@/lib/api/handler";
import { claimCaseForCaller } from "@/lib/api/applications/mutations";
import { claimRequestSchema } from "@/lib/api/applications/schema";

/** An internal system's staff member takes an unassigned case (kind and scope checked in lib). */
export const POST = apiRoute<{ number: string }>({
  name: "applications.claim",
  scope: null,
  handle: async ({ request, caller, params, locale, now }) => {
    const body = await readJsonBody(request, claimRequestSchema, { locale });
    return apiJson(await claimCaseForCaller(caller, params.number, body, { now, locale }));
  },
});
