import { apiJson, apiRoute } from "@/lib/api/handler";
import { findCaseView } from "@/lib/api/applications/data";

/** What the applicant's case page shows; another partner's case is 404. */
export const GET = apiRoute<{ number: string }>({
  name: "applications.get",
  scope: "applications:read",
  handle: async ({ caller, params, now }) => apiJson(await findCaseView(caller, params.number, now)),
});
