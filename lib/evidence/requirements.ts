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

export type EvidenceSlot = { kind: EvidenceKind; labelZh: string; labelEn: string };

/**
 * The name of the slot (the service's requirement) a file was uploaded into, as the applicant saw
 * it: the uploader puts a file under the first requirement of its kind. Null for files that belong
 * to no requirement (supplement answers, result documents, a requirement removed since).
 */
export function slotLabelOf(
  kind: EvidenceKind,
  slots: readonly EvidenceSlot[],
  locale: string,
): string | null {
  const slot = slots.find((item) => item.kind === kind);
  if (!slot) return null;
  return locale === "zh" ? slot.labelZh : slot.labelEn;
}
