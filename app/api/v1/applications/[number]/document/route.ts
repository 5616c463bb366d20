import { apiRoute } from "@/lib/api/handler";
import { findResultDocument } from "@/lib/api/applications/data";
import { caseFileResponse } from "@/lib/api/applications/file-response";

/** The issued result document; 404 until the case reaches DOCUMENT_ISSUED. */
export const GET = apiRoute<{ number: string }>({
  name: "applications.downloadDocument",
  scope: "applications:read",
  handle: async ({ caller, params }) => caseFileResponse(await findResultDocument(caller, params.number)),
});
