import { apiJson, apiRoute } from "@/lib/api/handler";
import { addCaseEvidence } from "@/lib/api/applications/mutations";
import { readEvidenceUpload } from "@/lib/api/applications/request-body";

/** A file answering the case's open supplement request (multipart: file, kind). */
export const POST = apiRoute<{ number: string }>({
  name: "applications.addEvidence",
  scope: "applications:write",
  handle: async ({ request, caller, params, locale, now, ip }) => {
    const upload = await readEvidenceUpload(request, locale);
    return apiJson(await addCaseEvidence(caller, params.number, upload, { now, locale, ip }), {
      status: 201,
    });
  },
});
