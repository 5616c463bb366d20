// Shapes shared by the server modules and the uploader component (no server code here).
import type { EvidenceKind } from "@/lib/generated/prisma/enums";

export type { EvidenceKind };

/** What the browser may know about a stored file: metadata only, never its storage key. */
export type UploadedEvidence = {
  id: string;
  originalName: string;
  sizeBytes: number;
  mimeType: string;
  kind: EvidenceKind;
};

/** An upload's result; `duplicate` means these bytes were already there and nothing new was stored. */
export type SavedEvidence = UploadedEvidence & { duplicate: boolean };

export type EvidenceRequirementItem = { kind: EvidenceKind; label: string; required: boolean };
