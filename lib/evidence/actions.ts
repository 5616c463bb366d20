"use server";

import { formAction, runAction } from "@/lib/action-pipeline/pipeline";
import { failure } from "@/lib/action-result";
import { deleteEvidence, saveEvidence } from "./mutations";
import { evidenceIdSchema, uploadEvidenceSchema } from "./schema";

// Thin on purpose: who may upload or remove what is decided in mutations.ts (tested there), so
// these only read the session, parse the input and let the pipeline turn refusals into results.

const upload = formAction({
  name: "evidence.upload",
  access: "signedIn",
  schema: uploadEvidenceSchema,
  fields: (formData) => ({
    file: formData.get("file"),
    kind: formData.get("kind"),
    supplementRequestId: formData.get("supplementRequestId"),
  }),
  run: async ({ viewer, data: { file, kind, supplementRequestId } }) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return saveEvidence(viewer, { kind, supplementRequestId, originalName: file.name, bytes });
  },
});

/** One file per call (the uploader sends them one after another). Signed-in applicants only. */
export async function uploadEvidence(formData: FormData) {
  return upload(null, formData);
}

/** Removes a draft (or an answer to a still-open supplement request) of the signed-in uploader. */
export async function removeEvidence(id: string) {
  return runAction(id, {
    name: "evidence.remove",
    access: "signedIn",
    schema: evidenceIdSchema,
    // Not an id of theirs, whatever it is.
    invalid: () => failure("errors.notAuthorized"),
    run: async ({ viewer, data }) => {
      await deleteEvidence(viewer, data);
      return { id: data };
    },
  });
}
