import { z } from "zod";

/** Kinds an applicant may upload; RESULT_DOCUMENT is staff-only (saveResultDocument). */
export const APPLICANT_EVIDENCE_KINDS = ["ID_PROOF", "URGENCY_PROOF", "OTHER", "SUPPLEMENT"] as const;

/** Loose UUID shape: enough to keep malformed ids away from Postgres' uuid parser. */
export const evidenceIdSchema = z.guid({ error: "validation.required" });

const optionalId = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  evidenceIdSchema.optional(),
);

export const uploadEvidenceFileSchema = z.file({ error: "evidence.noFile" });

export const uploadEvidenceSchema = z
  .object({
    file: uploadEvidenceFileSchema,
    kind: z.enum(APPLICANT_EVIDENCE_KINDS, { error: "validation.required" }),
    supplementRequestId: optionalId,
  })
  // A SUPPLEMENT file answers a request; without one it would be an orphan draft.
  .refine((value) => value.kind !== "SUPPLEMENT" || value.supplementRequestId, {
    path: ["supplementRequestId"],
    error: "validation.required",
  });

export type UploadEvidenceInput = z.infer<typeof uploadEvidenceSchema>;

export function isEvidenceId(value: unknown): value is string {
  return evidenceIdSchema.safeParse(value).success;
}
