import "server-only";
import type { z } from "zod";
import type { ApiCaller } from "@/lib/api/caller";
import { createApplication } from "@/lib/applications/mutations";
import { buildApplicationSchema } from "@/lib/applications/schema";
import { assertArea } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import type { FileStore } from "@/lib/evidence/file-store";
import { deleteEvidence, saveEvidence } from "@/lib/evidence/mutations";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceKind } from "@/lib/generated/prisma/enums";
import { payApplication } from "@/lib/payments/mutations";
import { partnerAccountProvider } from "@/lib/payments/partner-account-provider";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";
import { ConcurrentChangeError } from "@/lib/workflow/errors";
import { performTransition } from "@/lib/workflow/mutations";
import { claimCase } from "@/lib/workflow/operation-mutations";
import { requestHash, submissionKeyFor, toApiFieldErrors, toFormInput } from "./application-request";
import { fieldProblemsOf } from "@/lib/api/field-problems";
import { ApiProblem } from "@/lib/api/problem";
import type { Locale } from "@/lib/i18n/config";
import { casePath, findCreatedApplication, findVisibleCase } from "./data";
import { claimIdempotencyKey, releaseIdempotencyKey, storeIdempotentResponse } from "./idempotency-mutations";
import type { ReceivedFile, ReceivedSubmission } from "./request-body";
import type { EvidenceItem, TransitionResult } from "./response-schema";
import {
  applicationRequestSchema,
  claimRequestSchema,
  evidenceKindSchema,
  IDEMPOTENCY_KEY_PATTERN,
  transitionRequestSchema,
} from "./schema";

// The writes of the application endpoints: each maps the request onto the function the web UI
// calls (createApplication, saveEvidence, performTransition) with the caller's viewer, so the API
// has no rules of its own.

type Options = { now: Date; locale: Locale; ip?: string | null; store?: FileStore };

function checkFields(fieldErrors: FieldErrors): never {
  throw new UserFacingError("errors.checkFields", fieldErrors);
}

/** The API's own shape check (strict: unknown fields are refused), answered as readJsonBody answers it. */
async function parseShape<S extends z.ZodType>(
  schema: S,
  value: unknown,
  locale: Locale,
): Promise<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ApiProblem("validation_failed", {
      extensions: { errors: await fieldProblemsOf(parsed.error.issues, locale) },
    });
  return parsed.data;
}

export function parseIdempotencyKey(header: string | null): string {
  if (header === null || header === "") throw new ApiProblem("idempotency_key_required");
  if (!IDEMPOTENCY_KEY_PATTERN.test(header))
    throw new ApiProblem("invalid_request", {
      detailKey: "idempotencyKeyFormat",
    });
  return header;
}

/** The same 413/415 answers for a file as the size and type rules of lib/evidence give the uploader. */
function evidenceRefusal(error: unknown, field: string): never {
  if (error instanceof UserFacingError && !error.fieldErrors) {
    if (error.messageKey === "evidence.tooLarge" || error.messageKey === "evidence.totalTooLarge")
      throw new ApiProblem("payload_too_large", { detailKey: "fileTooLarge", detailValues: { field } });
    if (error.messageKey === "evidence.unsupportedType")
      throw new ApiProblem("unsupported_media_type", { detailKey: "fileType", detailValues: { field } });
    if (error.messageKey.startsWith("evidence.")) checkFields({ [field]: [error.messageKey] });
  }
  throw error;
}

export type FilingAnswer = { status: number; body: unknown; replayed: boolean };

/**
 * POST /api/v1/applications for a PARTNER: the case is filed under the partner's own account through
 * createApplication (after the apply form's schema judged every value), its files are the partner's
 * drafts attached in that same transaction, and the fee is billed to the partner's account
 * (partner-account-provider.ts). Idempotent on the Idempotency-Key (idempotency-mutations.ts).
 */
export async function fileApplication(
  caller: ApiCaller,
  submission: ReceivedSubmission & { idempotencyKey: string },
  options: Options,
): Promise<FilingAnswer> {
  if (caller.kind !== "PARTNER") throw new ApiProblem("forbidden", { detailKey: "partnerOnlyFiling" });
  assertArea(caller.viewer, "portal");
  const { now } = options;
  const request = await parseShape(applicationRequestSchema, submission.json, options.locale);
  const submissionKey = submissionKeyFor(caller.clientId, submission.idempotencyKey);
  const formInput = toFormInput(request, { evidenceIds: [], submissionKey });
  const form = buildApplicationSchema(() => now).safeParse(formInput);
  if (!form.success) checkFields(toApiFieldErrors(fieldErrorsOf(form.error)));

  const hash = requestHash(request, submission.files);
  const claim = await claimIdempotencyKey(caller.clientId, submission.idempotencyKey, hash, now);
  if (claim.kind === "replay") return { status: claim.status, body: claim.body, replayed: true };

  const newDrafts: string[] = [];
  try {
    const evidenceIds = await saveDrafts(caller, submission.files, newDrafts, options.store);
    const { number } = await createApplication(
      caller.viewer,
      { ...form.data, evidenceIds },
      {
        now,
        ip: options.ip,
        partner: { apiClientId: caller.clientId, apiKeyId: caller.keyId, locale: request.contact.locale },
      },
    );
    await payApplication(
      caller.viewer,
      { number, method: "online" },
      { provider: partnerAccountProvider(() => now), ip: options.ip },
    );
    const body = await findCreatedApplication(caller, number, now);
    await storeIdempotentResponse(caller.clientId, submission.idempotencyKey, {
      status: 201,
      body: body as Prisma.InputJsonValue,
    });
    return { status: 201, body, replayed: false };
  } catch (error) {
    await releaseIdempotencyKey(caller.clientId, submission.idempotencyKey);
    // Drafts this request stored and no case took: gone again, so they count against nothing.
    for (const id of newDrafts)
      await deleteEvidence(caller.viewer, id, { store: options.store }).catch(() => undefined);
    throw error;
  }
}

async function saveDrafts(
  caller: ApiCaller,
  files: readonly ReceivedFile[],
  newDrafts: string[],
  store: FileStore | undefined,
): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    const saved = await saveEvidence(
      caller.viewer,
      { kind: file.kind as EvidenceKind, originalName: file.originalName, bytes: file.bytes },
      { store, draftAllowance: false },
    ).catch((error: unknown) => evidenceRefusal(error, file.kind));
    if (!saved.duplicate) newDrafts.push(saved.id);
    ids.push(saved.id);
  }
  return ids;
}

/**
 * POST /api/v1/applications/{number}/evidence: after filing, an applicant adds files only as answers
 * to an open supplement request (as on the case page), so this stores the file with that request.
 */
export async function addCaseEvidence(
  caller: ApiCaller,
  rawNumber: string,
  upload: { kind: unknown; file: ReceivedFile },
  options: Options,
): Promise<EvidenceItem> {
  if (caller.kind !== "PARTNER") throw new ApiProblem("forbidden", { detailKey: "partnerOnlyEvidence" });
  const found = await findVisibleCase(caller, rawNumber);
  const kind = evidenceKindSchema.safeParse(upload.kind);
  if (!kind.success) checkFields({ kind: ["validation.required"] });
  const open = await db.supplementRequest.findFirst({
    where: { applicationId: found.id, status: "OPEN" },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (!open) checkFields({ file: ["evidence.supplementClosed"] });
  const saved = await saveEvidence(
    caller.viewer,
    {
      kind: kind.data,
      supplementRequestId: open.id,
      originalName: upload.file.originalName,
      bytes: upload.file.bytes,
    },
    { store: options.store },
  ).catch((error: unknown) => evidenceRefusal(error, "file"));
  return {
    id: saved.id,
    kind: saved.kind,
    originalName: saved.originalName,
    mimeType: saved.mimeType,
    sizeBytes: saved.sizeBytes,
    download: `${casePath(found.number)}/evidence/${saved.id}`,
  };
}

/**
 * POST /api/v1/applications/{number}/transitions: performTransition as the staff member an internal
 * client acts as, or as a partner's own account (the applicant's moves only). A stale version is 409
 * with the version the case has now.
 */
export async function transitionCase(
  caller: ApiCaller,
  rawNumber: string,
  body: unknown,
  options: Options,
): Promise<TransitionResult> {
  // An internal system makes its staff member's moves; a partner its applicant's (answering a
  // supplement request, withdrawing). The engine decides which moves each may make on this case.
  const scope = caller.kind === "INTERNAL" ? "cases:transition" : "applications:write";
  if (!caller.scopes.includes(scope))
    throw new ApiProblem("insufficient_scope", { detailKey: "scope", detailValues: { scope } });
  const request = await parseShape(transitionRequestSchema, body, options.locale);
  const found = await findVisibleCase(caller, rawNumber);
  return answerMove(found.id, async () => {
    const outcome = await performTransition({
      applicationId: found.id,
      expectedVersion: request.expectedVersion,
      viewer: caller.viewer,
      transition: request.transition,
      input: {
        publicNote: request.publicNote,
        internalNote: request.internalNote,
        items: request.items,
        dueAt: request.dueAt,
      },
      now: options.now,
    });
    return moveResult(outcome);
  });
}

/**
 * POST /api/v1/applications/{number}/claim: an internal system's staff member takes an unassigned
 * case, as the workspace's "Claim" does (claimCase: a reviewer only for the services they handle; of
 * two claiming at once, one wins). A reviewer's system claims before it moves a case.
 */
export async function claimCaseForCaller(
  caller: ApiCaller,
  rawNumber: string,
  body: unknown,
  options: Options,
): Promise<TransitionResult> {
  if (caller.kind !== "INTERNAL") throw new ApiProblem("forbidden", { detailKey: "internalOnlyClaim" });
  if (!caller.scopes.includes("cases:transition"))
    throw new ApiProblem("insufficient_scope", {
      detailKey: "scope",
      detailValues: { scope: "cases:transition" },
    });
  const request = await parseShape(claimRequestSchema, body, options.locale);
  const found = await findVisibleCase(caller, rawNumber);
  const current = () =>
    db.application.findUniqueOrThrow({
      where: { id: found.id },
      select: { number: true, version: true, currentNode: true, status: true, assigneeId: true },
    });
  // Already the caller's: answered as done, unchanged, so a system may claim before every move
  // without first finding out whether it holds the case (a retried claim is no conflict either).
  const before = await current();
  if (before.assigneeId === caller.viewer.id) return moveResult(before);
  return answerMove(found.id, async () => {
    await claimCase({
      applicationId: found.id,
      expectedVersion: request.expectedVersion,
      viewer: caller.viewer,
      now: options.now,
    });
    return moveResult(await current());
  });
}

function moveResult(outcome: Omit<TransitionResult, "links">): TransitionResult {
  // Only the answer's fields: a row read for it may carry more (assigneeId).
  return {
    number: outcome.number,
    version: outcome.version,
    currentNode: outcome.currentNode,
    status: outcome.status,
    links: { self: casePath(outcome.number) },
  };
}

/** A move on a case, with a stale expectedVersion answered 409 and the version the case has now. */
async function answerMove(applicationId: string, move: () => Promise<TransitionResult>) {
  try {
    return await move();
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    const current = await db.application.findUnique({
      where: { id: applicationId },
      select: { version: true },
    });
    throw new ApiProblem("version_conflict", { extensions: { currentVersion: current?.version ?? null } });
  }
}
