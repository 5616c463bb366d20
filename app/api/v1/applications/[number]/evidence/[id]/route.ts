import { apiRoute } from "@/lib/api/handler";
import { findCaseDownload } from "@/lib/api/applications/data";
import { caseFileResponse } from "@/lib/api/applications/file-response";

/** A file of the case, under the web's download rule (lib/evidence). */
export const GET = apiRoute<{ number: string; id: string }>({
  name: "applications.downloadEvidence",
  scope: "applications:read",
  handle: async ({ caller, params }) =>
    caseFileResponse(await findCaseDownload(caller, params.number, params.id)),
});
