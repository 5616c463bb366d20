import "server-only";
import { isStaff } from "@/lib/auth/roles";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import { MAX_FILES } from "./limits";
import { isEvidenceId } from "./schema";
import type { UploadedEvidence } from "./types";

export const EVIDENCE_METADATA = {
  id: true,
  originalName: true,
  sizeBytes: true,
  mimeType: true,
  kind: true,
} as const;

/** The applicant's files not yet part of a case, oldest first: restores the form after a reload. */
export async function listDraftEvidence(viewer: Viewer): Promise<UploadedEvidence[]> {
  assertArea(viewer, "portal");
  return db.evidenceFile.findMany({
    where: { uploaderId: viewer.id, applicationId: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    // Uploads keep drafts within MAX_FILES; the bound only makes the query's size explicit.
    take: MAX_FILES,
    select: EVIDENCE_METADATA,
  });
}

export type CaseEvidence = UploadedEvidence & { supplementRequestId: string | null; createdAt: Date };

/**
 * A case's files (metadata only, never storage keys), for its applicant or any staff member.
 * An unknown case and someone else's case get the same refusal, so ids cannot be probed.
 */
export async function listCaseEvidence(viewer: Viewer, applicationId: string): Promise<CaseEvidence[]> {
  if (!viewer || !isEvidenceId(applicationId)) throw new NotAuthorizedError();
  if (!isStaff(viewer.role)) {
    assertArea(viewer, "portal");
    const own = await db.application.findFirst({
      where: { id: applicationId, applicantId: viewer.id },
      select: { id: true },
    });
    if (!own) throw new NotAuthorizedError();
  }
  return db.evidenceFile.findMany({
    where: { applicationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 100,
    select: { ...EVIDENCE_METADATA, supplementRequestId: true, createdAt: true },
  });
}

export type EvidenceDownload = {
  id: string;
  storageKey: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
};

/**
 * The file if this viewer may download it, else null (the route answers 404 either way, so a
 * refusal never confirms that an id exists). Allowed: the uploader; the applicant of the file's
 * case; staff, for files that belong to a case (an unsubmitted draft stays private to its uploader).
 */
export async function authorizeEvidenceDownload(
  viewer: Viewer | null,
  evidenceId: string,
): Promise<EvidenceDownload | null> {
  if (!viewer || !isEvidenceId(evidenceId)) return null;
  const file = await db.evidenceFile.findUnique({
    where: { id: evidenceId },
    select: {
      id: true,
      storageKey: true,
      originalName: true,
      mimeType: true,
      sizeBytes: true,
      uploaderId: true,
      kind: true,
      application: { select: { applicantId: true, currentNode: true } },
    },
  });
  if (!file) return null;
  // A result document reaches the applicant only once it is issued, whatever link they hold.
  const resultNotIssued =
    file.kind === "RESULT_DOCUMENT" && file.application?.currentNode !== "DOCUMENT_ISSUED";
  const allowed =
    file.uploaderId === viewer.id ||
    (file.application !== null &&
      (isStaff(viewer.role) || (file.application.applicantId === viewer.id && !resultNotIssued)));
  if (!allowed) return null;
  const { uploaderId: _uploader, application: _application, kind: _kind, ...download } = file;
  return download;
}
