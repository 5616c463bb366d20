import type { EvidenceKind } from "./types";

/**
 * Required kinds with no file yet, in the requirements' order. Used by the uploader (to flag the
 * form) and by the submission (to refuse it), so both agree on what "complete" means.
 */
export function missingRequiredKinds(
  requirements: readonly { kind: EvidenceKind; required: boolean }[],
  files: readonly { kind: EvidenceKind }[],
): EvidenceKind[] {
  const present = new Set(files.map((file) => file.kind));
  return [
    ...new Set(
      requirements.filter((item) => item.required && !present.has(item.kind)).map((item) => item.kind),
    ),
  ];
}
