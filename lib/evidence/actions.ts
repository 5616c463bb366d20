"use server";

import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { NotAuthorizedError, UserFacingError } from "@/lib/errors";
import { deleteEvidence, saveEvidence } from "./mutations";
import { evidenceIdSchema, uploadEvidenceSchema } from "./schema";
import type { SavedEvidence } from "./types";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

// Thin on purpose: who may upload or remove what is decided in mutations.ts (tested there), so
// these only read the session, parse the form and turn expected failures into results.

/** One file per call (the uploader sends them one after another). Signed-in applicants only. */
export async function uploadEvidence(formData: FormData): Promise<ActionResult<SavedEvidence>> {
  if (!isFormData(formData)) return malformedRequest();
  const user = await getCurrentUser();
  if (!user) return failure(new NotAuthorizedError().messageKey);
  const parsed = uploadEvidenceSchema.safeParse({
    file: formData.get("file"),
    kind: formData.get("kind"),
    supplementRequestId: formData.get("supplementRequestId"),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const { file, kind, supplementRequestId } = parsed.data;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const saved = await saveEvidence(user, { kind, supplementRequestId, originalName: file.name, bytes });
    return { ok: true, data: saved };
  } catch (error) {
    return expectedFailure(error);
  }
}

/** Removes a draft (or an answer to a still-open supplement request) of the signed-in uploader. */
export async function removeEvidence(id: string): Promise<ActionResult<{ id: string }>> {
  const user = await getCurrentUser();
  if (!user) return failure(new NotAuthorizedError().messageKey);
  const parsed = evidenceIdSchema.safeParse(id);
  if (!parsed.success) return failure(new NotAuthorizedError().messageKey);
  try {
    await deleteEvidence(user, parsed.data);
    return { ok: true, data: { id: parsed.data } };
  } catch (error) {
    return expectedFailure(error);
  }
}

function expectedFailure(error: unknown): ActionResult<never> {
  if (error instanceof UserFacingError) return failure(error.messageKey, error.fieldErrors);
  throw error;
}
