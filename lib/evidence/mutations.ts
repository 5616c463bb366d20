import "server-only";
import { createHash } from "node:crypto";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotAuthorizedError, UserFacingError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceKind } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/observability/logger";
import { EVIDENCE_METADATA } from "./data";
import { sanitizeFileName } from "./file-name";
import { sniffMimeType } from "./file-type";
import { cleanImage, isImageType } from "./image";
import { MAX_FILES, sizeProblem } from "./limits";
import { isEvidenceId } from "./schema";
import { newStorageKey, type FileStore } from "./file-store";
import { evidenceStore } from "./storage";
import type { SavedEvidence } from "./types";

/** The transaction client attachDraftEvidence (and afterInsert hooks) work with. */
export type EvidenceTransaction = Prisma.TransactionClient;

type Client = typeof db | EvidenceTransaction;

export type NewEvidenceFile = { originalName: string; bytes: Uint8Array };

export type SaveEvidenceOptions = {
  /** Tests pass their own; the app uses the configured store. */
  store?: FileStore;
  /**
   * Runs inside the transaction that inserts the row (not for duplicates), e.g. to add a
   * timeline event; if it throws, the row is rolled back and the stored file deleted.
   */
  afterInsert?: (
    tx: EvidenceTransaction,
    file: SavedEvidence & { applicationId: string | null },
  ) => Promise<void>;
  /**
   * false: a draft outside the uploader's allowance of unsubmitted drafts (MAX_FILES, MAX_TOTAL_BYTES).
   * For a partner API submission (decision 037), whose files arrive and are attached in one request
   * that bounds them itself; many such requests of one partner run at once, and sharing one
   * allowance would refuse them for each other's files in flight.
   */
  draftAllowance?: boolean;
};

/** Where a new file goes, and which files it is compared with for duplicates and totals. */
type Destination = {
  applicationId: string | null;
  supplementRequestId: string | null;
  /** Uploads to the same place take this lock, so two at once cannot both pass the checks. */
  lockKey: string;
  duplicateWhere: Prisma.EvidenceFileWhereInput;
  /** Files counted against MAX_FILES / MAX_TOTAL_BYTES; null when only the per-file limit applies. */
  usageWhere: Prisma.EvidenceFileWhereInput | null;
  recheck?: (tx: EvidenceTransaction) => Promise<void>;
};

/**
 * An applicant's upload: a draft (no case yet) or, with supplementRequestId, an answer to an OPEN
 * supplement request on one of their own cases (attached to the case and the request at once).
 */
export async function saveEvidence(
  viewer: Viewer,
  input: NewEvidenceFile & { kind: EvidenceKind; supplementRequestId?: string },
  options: SaveEvidenceOptions = {},
): Promise<SavedEvidence> {
  assertArea(viewer, "portal");
  if (input.kind === "RESULT_DOCUMENT") throw new NotAuthorizedError();
  if (input.kind === "SUPPLEMENT" && !input.supplementRequestId) {
    throw new UserFacingError("errors.checkFields", { supplementRequestId: ["validation.required"] });
  }
  const inspected = await inspect(input.bytes);
  const destination = input.supplementRequestId
    ? await supplementDestination(viewer, input.supplementRequestId)
    : draftDestination(viewer.id, options.draftAllowance === false ? inspected.sha256 : null);
  return store(destination, { ...input, ...inspected, uploaderId: viewer.id }, options);
}

/** A staff member's result document for a case. Workflow rules (which node, timeline) stay with the caller. */
export async function saveResultDocument(
  viewer: Viewer,
  input: NewEvidenceFile & { applicationId: string },
  options: SaveEvidenceOptions = {},
): Promise<SavedEvidence> {
  assertArea(viewer, "console");
  const inspected = await inspect(input.bytes);
  const found = isEvidenceId(input.applicationId)
    ? await db.application.findUnique({ where: { id: input.applicationId }, select: { id: true } })
    : null;
  if (!found) throw new UserFacingError("evidence.caseNotFound");
  const destination: Destination = {
    applicationId: found.id,
    supplementRequestId: null,
    lockKey: `case:${found.id}`,
    duplicateWhere: { applicationId: found.id, kind: "RESULT_DOCUMENT" },
    usageWhere: null,
  };
  return store(
    destination,
    { ...input, ...inspected, kind: "RESULT_DOCUMENT", uploaderId: viewer.id },
    options,
  );
}

/**
 * Size and real type from the bytes; the sender's name and declared type are never consulted.
 * Photos come back re-encoded without metadata (image.ts): those are the bytes stored and hashed.
 */
async function inspect(received: Uint8Array) {
  const problem = sizeProblem(received.length, null);
  if (problem) throw new UserFacingError(problem);
  const mimeType = sniffMimeType(received);
  if (!mimeType) throw new UserFacingError("evidence.unsupportedType");
  const bytes = isImageType(mimeType) ? await cleanImage(received, mimeType) : received;
  return { bytes, mimeType, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** `outsideAllowanceSha256`: see SaveEvidenceOptions.draftAllowance; only duplicates of it are then locked out. */
function draftDestination(uploaderId: string, outsideAllowanceSha256: string | null): Destination {
  const drafts = { uploaderId, applicationId: null };
  return {
    applicationId: null,
    supplementRequestId: null,
    lockKey: outsideAllowanceSha256
      ? `uploader:${uploaderId}:${outsideAllowanceSha256}`
      : `uploader:${uploaderId}`,
    duplicateWhere: drafts,
    usageWhere: outsideAllowanceSha256 ? null : drafts,
  };
}

async function supplementDestination(viewer: Viewer, supplementRequestId: string): Promise<Destination> {
  const request = isEvidenceId(supplementRequestId)
    ? await db.supplementRequest.findFirst({
        where: { id: supplementRequestId, application: { applicantId: viewer.id } },
        select: { applicationId: true, status: true },
      })
    : null;
  if (!request) throw new NotAuthorizedError();
  if (request.status !== "OPEN") throw new UserFacingError("evidence.supplementClosed");
  return {
    applicationId: request.applicationId,
    supplementRequestId,
    lockKey: `case:${request.applicationId}`,
    duplicateWhere: { supplementRequestId, uploaderId: viewer.id },
    usageWhere: { applicationId: request.applicationId, kind: { not: "RESULT_DOCUMENT" } },
    recheck: (tx) => assertSupplementOpen(tx, supplementRequestId, "evidence.supplementClosed"),
  };
}

/** FOR SHARE holds off a concurrent "fulfilled" update until this transaction ends. */
async function assertSupplementOpen(
  tx: EvidenceTransaction,
  supplementRequestId: string,
  messageKey: string,
) {
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM supplement_request WHERE id = ${supplementRequestId}::uuid FOR SHARE`;
  if (rows[0]?.status !== "OPEN") throw new UserFacingError(messageKey);
}

function findDuplicate(client: Client, destination: Destination, sha256: string) {
  return client.evidenceFile.findFirst({
    where: { ...destination.duplicateWhere, sha256 },
    select: EVIDENCE_METADATA,
  });
}

async function assertRoom(client: Client, destination: Destination, sizeBytes: number) {
  if (!destination.usageWhere) return;
  const usage = await client.evidenceFile.aggregate({
    where: destination.usageWhere,
    _count: { _all: true },
    _sum: { sizeBytes: true },
  });
  const problem = sizeProblem(sizeBytes, { count: usage._count._all, totalBytes: usage._sum.sizeBytes ?? 0 });
  if (problem) throw new UserFacingError(problem);
}

async function store(
  destination: Destination,
  file: NewEvidenceFile & { kind: EvidenceKind; uploaderId: string; mimeType: string; sha256: string },
  options: SaveEvidenceOptions,
): Promise<SavedEvidence> {
  // Quick answers before writing anything; both are repeated under the lock.
  const earlier = await findDuplicate(db, destination, file.sha256);
  if (earlier) return { ...earlier, duplicate: true };
  await assertRoom(db, destination, file.bytes.length);

  // File first, row second: a row never points at a missing file, and a failed insert removes
  // the file again, so nothing is left half-saved.
  const fileStore = options.store ?? evidenceStore();
  const storageKey = newStorageKey();
  let saved: SavedEvidence;
  try {
    // Inside the try: a put that failed on our side may still have landed in the bucket.
    await fileStore.put(storageKey, file.bytes);
    saved = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`evidence:${destination.lockKey}`}, 0))`;
      await destination.recheck?.(tx);
      const existing = await findDuplicate(tx, destination, file.sha256);
      if (existing) return { ...existing, duplicate: true };
      await assertRoom(tx, destination, file.bytes.length);
      const row = await tx.evidenceFile.create({
        data: {
          applicationId: destination.applicationId,
          supplementRequestId: destination.supplementRequestId,
          uploaderId: file.uploaderId,
          kind: file.kind,
          originalName: sanitizeFileName(file.originalName),
          mimeType: file.mimeType,
          sizeBytes: file.bytes.length,
          sha256: file.sha256,
          storageKey,
        },
        select: EVIDENCE_METADATA,
      });
      const result = { ...row, duplicate: false };
      await options.afterInsert?.(tx, { ...result, applicationId: destination.applicationId });
      return result;
    });
  } catch (error) {
    // The original error matters more than a failed cleanup; an orphan file is unreachable.
    await fileStore.delete(storageKey).catch(() => undefined);
    throw error;
  }
  if (saved.duplicate) await fileStore.delete(storageKey);
  return saved;
}

/**
 * Removal by the uploader, only while the file is still theirs to change: an unattached draft, or
 * an answer to a supplement request that is still OPEN (not yet sent back to the reviewer).
 * Files that are part of a submitted case are evidence and are never deleted here.
 */
export async function deleteEvidence(
  viewer: Viewer,
  evidenceId: string,
  options: { store?: FileStore } = {},
): Promise<void> {
  assertArea(viewer, "portal");
  if (!isEvidenceId(evidenceId)) throw new NotAuthorizedError();
  const storageKey = await db.$transaction(async (tx) => {
    const file = await tx.evidenceFile.findFirst({
      where: { id: evidenceId, uploaderId: viewer.id },
      select: { storageKey: true, applicationId: true, supplementRequestId: true },
    });
    if (!file) throw new NotAuthorizedError();
    if (file.supplementRequestId)
      await assertSupplementOpen(tx, file.supplementRequestId, "evidence.notRemovable");
    else if (file.applicationId) throw new UserFacingError("evidence.notRemovable");
    // Same conditions again in the delete: a submission may have attached the draft meanwhile.
    const { count } = await tx.evidenceFile.deleteMany({
      where: { id: evidenceId, uploaderId: viewer.id, applicationId: file.applicationId },
    });
    if (count !== 1) throw new UserFacingError("evidence.notRemovable");
    return file.storageKey;
  });
  // Row first, then file: a crash in between leaves an unreachable file, never a dangling row.
  await (options.store ?? evidenceStore()).delete(storageKey).catch((error: unknown) => {
    logger().warn(
      { err: error, event: "evidence", storageKey },
      "evidence file could not be deleted and is now orphaned",
    );
  });
}

/**
 * For the submission, inside its transaction: turns the applicant's drafts into the case's files.
 * Throws UserFacingError("evidence.notYourDraft") unless every id is an unattached draft of this
 * uploader; the caller must let it propagate so the whole transaction rolls back.
 */
export async function attachDraftEvidence(
  tx: EvidenceTransaction,
  input: { uploaderId: string; applicationId: string; evidenceIds: readonly string[] },
): Promise<{ id: string; kind: EvidenceKind }[]> {
  const ids = [...new Set(input.evidenceIds)];
  if (ids.length === 0) return [];
  if (ids.length > MAX_FILES) throw new UserFacingError("evidence.tooManyFiles");
  if (!ids.every(isEvidenceId)) throw new UserFacingError("evidence.notYourDraft");
  const { count } = await tx.evidenceFile.updateMany({
    where: { id: { in: ids }, uploaderId: input.uploaderId, applicationId: null, supplementRequestId: null },
    data: { applicationId: input.applicationId },
  });
  if (count !== ids.length) throw new UserFacingError("evidence.notYourDraft");
  return tx.evidenceFile.findMany({
    where: { id: { in: ids } },
    select: { id: true, kind: true },
    orderBy: { createdAt: "asc" },
  });
}
