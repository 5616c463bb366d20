import "server-only";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { assertArea } from "@/lib/auth/viewer";
import { quoteFee } from "@/lib/catalog/fees";
import { db } from "@/lib/db";
import { authorizeEvidenceDownload, type EvidenceDownload } from "@/lib/evidence/data";
import { isEvidenceId } from "@/lib/evidence/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findPublicCase } from "@/lib/lookup/data";
import { shareLinkKey, signShareToken } from "@/lib/lookup/share-token";
import { CaseNotFoundError } from "@/lib/workflow/errors";
import type { ApiCaller } from "@/lib/api/caller";
import { decodeCursor, encodeCursor } from "./cursor";
import type { ApplicationCreated, CaseList, CaseView } from "./response-schema";
import type { ListQuery } from "./schema";

// Reads of the application endpoints. Who sees what is decided here, in the query: a PARTNER only the
// cases it filed (api_client_id, and its own account as applicant); an INTERNAL client what its staff
// member sees in the console, which is every case (lib/console/case-data.ts findStaffCase).

/** The cases this caller may read, as a where clause; throws for a caller with no area at all. */
export function visibleCases(caller: ApiCaller): Prisma.ApplicationWhereInput {
  if (caller.kind === "PARTNER") {
    assertArea(caller.viewer, "portal");
    return { apiClientId: caller.clientId, applicantId: caller.viewer.id };
  }
  assertArea(caller.viewer, "console");
  return {};
}

export function casePath(number: string): string {
  return `/api/v1/applications/${number}`;
}

function links(number: string, now: Date) {
  const { token } = signShareToken(number, now, shareLinkKey());
  return { self: casePath(number), track: "/track", share: `/track/s/${token}` };
}

/** The case's id for this caller, or 404 (another partner's case answers exactly like a missing one). */
export async function findVisibleCase(caller: ApiCaller, rawNumber: string) {
  const where = visibleCases(caller);
  const parsed = validateApplicationNumber(rawNumber);
  if (!parsed.ok) throw new CaseNotFoundError();
  const row = await db.application.findFirst({
    where: { ...where, number: parsed.number },
    select: { id: true, number: true, version: true, updatedAt: true },
  });
  if (!row) throw new CaseNotFoundError();
  return row;
}

/** The 201 answer to a submission, read back after it committed. */
export async function findCreatedApplication(
  caller: ApiCaller,
  number: string,
  now: Date,
): Promise<ApplicationCreated> {
  const row = await db.application.findFirstOrThrow({
    where: { ...visibleCases(caller), number },
    select: {
      number: true,
      status: true,
      currentNode: true,
      version: true,
      feeBaseMinor: true,
      feeSurchargeMinor: true,
      currency: true,
      paymentStatus: true,
      paymentProvider: true,
      paymentReference: true,
      nodeDueAt: true,
      caseDueAt: true,
      scheduledStartAt: true,
      evidence: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, originalName: true, mimeType: true, sizeBytes: true },
      },
    },
  });
  const fee = quoteFee({ baseFeeMinor: row.feeBaseMinor, surchargeMinor: row.feeSurchargeMinor });
  return {
    number: row.number,
    status: row.status,
    currentNode: row.currentNode,
    version: row.version,
    fee: { ...fee, currency: row.currency },
    payment: { status: row.paymentStatus, provider: row.paymentProvider, reference: row.paymentReference },
    due: {
      node: row.nodeDueAt?.toISOString() ?? null,
      case: row.caseDueAt?.toISOString() ?? null,
      scheduledStart: row.scheduledStartAt?.toISOString() ?? null,
    },
    evidence: row.evidence.map((file) => ({
      ...file,
      download: `${casePath(row.number)}/evidence/${file.id}`,
    })),
    links: links(row.number, now),
  };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * GET /api/v1/applications/{number}: the applicant's public view (lib/lookup/public-view.ts, which
 * withholds notes and staff names), with the open supplement request's items and the version.
 */
export async function findCaseView(caller: ApiCaller, rawNumber: string, now: Date): Promise<CaseView> {
  const found = await findVisibleCase(caller, rawNumber);
  const [view, open] = await Promise.all([
    findPublicCase({ id: found.id }, now),
    db.supplementRequest.findFirst({
      where: { applicationId: found.id, status: "OPEN" },
      orderBy: { createdAt: "desc" },
      select: {
        dueAt: true,
        items: { orderBy: { sortOrder: "asc" }, select: { problem: true, suggestion: true } },
      },
    }),
  ]);
  if (!view) throw new CaseNotFoundError();
  const pending = view.progress.steps.filter((step) => step.state !== "skipped");
  return {
    number: view.number,
    service: view.service,
    tier: view.tier,
    status: view.status,
    currentNode: view.currentNode,
    version: found.version,
    submittedAt: view.submittedAt.toISOString(),
    updatedAt: found.updatedAt.toISOString(),
    due: { node: iso(view.nodeDueAt), case: iso(view.caseDueAt) },
    expectedCompletionAt: view.progress.ended
      ? null
      : iso(pending.at(-1)?.expectedAt ?? pending.at(-1)?.dueAt ?? view.caseDueAt),
    progress: {
      percent: view.progress.percent,
      outcome: view.progress.outcome,
      ended: view.progress.ended,
      steps: view.progress.steps.map((step) => ({
        node: step.node,
        state: step.state,
        visit: step.visit,
        detour: step.detour,
        startedAt: iso(step.startedAt),
        finishedAt: iso(step.finishedAt),
        dueAt: iso(step.dueAt),
        expectedAt: iso(step.expectedAt),
      })),
    },
    supplement: open ? { dueAt: open.dueAt.toISOString(), items: open.items } : null,
    history: [...view.history]
      .reverse()
      .map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })),
    links: links(view.number, now),
  };
}

/**
 * GET /api/v1/applications: most recently changed first, an opaque cursor over (updated_at, id).
 * A partner's pages are read off the index on (api_client_id, updated_at DESC, id DESC).
 */
export async function listCases(caller: ApiCaller, query: ListQuery): Promise<CaseList> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.ApplicationWhereInput = {
    ...visibleCases(caller),
    ...(query.status ? { status: query.status } : {}),
    ...(query.node ? { currentNode: query.node } : {}),
    ...(query.updatedSince ? { updatedAt: { gte: new Date(query.updatedSince) } } : {}),
  };
  const page = await db.application.findMany({
    where: after
      ? {
          AND: [
            where,
            {
              OR: [
                { updatedAt: { lt: after.updatedAt } },
                { updatedAt: after.updatedAt, id: { lt: after.id } },
              ],
            },
          ],
        }
      : where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true,
      number: true,
      tier: true,
      status: true,
      currentNode: true,
      version: true,
      submittedAt: true,
      updatedAt: true,
      nodeDueAt: true,
      caseDueAt: true,
      service: { select: { code: true } },
    },
  });
  const items = page.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({
      number: row.number,
      serviceCode: row.service.code,
      tier: row.tier,
      status: row.status,
      currentNode: row.currentNode,
      version: row.version,
      submittedAt: row.submittedAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      due: { node: iso(row.nodeDueAt), case: iso(row.caseDueAt) },
      links: { self: casePath(row.number) },
    })),
    nextCursor:
      page.length > query.limit && last ? encodeCursor({ updatedAt: last.updatedAt, id: last.id }) : null,
  };
}

/**
 * A file of a case this caller may read, through the web's own download rule
 * (authorizeEvidenceDownload: a result document only once issued). Anything else is 404.
 */
export async function findCaseDownload(
  caller: ApiCaller,
  rawNumber: string,
  evidenceId: string,
): Promise<EvidenceDownload> {
  const found = await findVisibleCase(caller, rawNumber);
  if (!isEvidenceId(evidenceId)) throw new CaseNotFoundError();
  const inCase = await db.evidenceFile.findFirst({
    where: { id: evidenceId, applicationId: found.id },
    select: { id: true },
  });
  const file = inCase ? await authorizeEvidenceDownload(caller.viewer, evidenceId) : null;
  if (!file) throw new CaseNotFoundError();
  return file;
}

/** The issued result document (the newest), if the caller may have it. */
export async function findResultDocument(caller: ApiCaller, rawNumber: string): Promise<EvidenceDownload> {
  const found = await findVisibleCase(caller, rawNumber);
  const document = await db.evidenceFile.findFirst({
    where: { applicationId: found.id, kind: "RESULT_DOCUMENT" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  const file = document ? await authorizeEvidenceDownload(caller.viewer, document.id) : null;
  if (!file) throw new CaseNotFoundError();
  return file;
}
