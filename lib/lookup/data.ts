import "server-only";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { APPLICANT_VISIBLE_EVENTS } from "@/lib/cases/data";
import { db } from "@/lib/db";
import { nodeTargetsFor, SERVICE_NODE_TARGETS } from "@/lib/catalog/node-targets";
import { toPublicView, type PublicCaseRow } from "./public-view";

const TIMELINE_LIMIT = 500;

/**
 * The one read of a lookup before the ID number is known to match: the throttle rows and the
 * candidate, both always, side by side, whether or not the number exists, so its timing says
 * nothing. Nothing else is loaded until the hashes match.
 */
export async function findLookupState(keys: string[], number: string) {
  const [throttles, candidate] = await Promise.all([
    db.lookupThrottle.findMany({ where: { key: { in: keys } }, select: { key: true, lockedUntil: true } }),
    db.application.findUnique({ where: { number }, select: { id: true, idNumberHash: true } }),
  ]);
  return { throttles, candidate };
}

/**
 * The public view of a case whose ID number (or share link) was already checked. Only public columns
 * are selected: no contact details, no reason, no evidence, no ID, no internal notes, and of each
 * event's actor only the role, never a name.
 */
export async function findPublicCase(where: { id: string } | { number: string }, now: Date) {
  const row = await db.application.findUnique({
    where: "id" in where ? { id: where.id } : { number: where.number },
    select: {
      number: true,
      tier: true,
      status: true,
      currentNode: true,
      submittedAt: true,
      nodeDueAt: true,
      caseDueAt: true,
      applicantName: true,
      assigneeId: true,
      serviceId: true,
      service: { select: { code: true, nameZh: true, nameEn: true, requiresExpertReview: true, ...SERVICE_NODE_TARGETS } },
      timeline: {
        where: APPLICANT_VISIBLE_EVENTS,
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        take: TIMELINE_LIMIT,
        select: { node: true, action: true, occurredAt: true, dueAt: true, publicNote: true, actor: { select: { role: true } } },
      },
      supplementRequests: { where: { status: "OPEN" }, orderBy: { createdAt: "desc" }, take: 1, select: { dueAt: true } },
    },
  });
  if (!row) return null;
  const { tiers, ...service } = row.service;
  const publicRow: PublicCaseRow = { ...row, service };
  return toPublicView(publicRow, nodeTargetsFor(tiers, row.tier), now);
}

/** The applicant's own case number, for making a share link; null for anyone else's or an unknown one. */
export async function findOwnCaseNumber(viewer: Viewer, rawNumber: string): Promise<string | null> {
  assertArea(viewer, "portal");
  const parsed = validateApplicationNumber(rawNumber);
  if (!parsed.ok) return null;
  const row = await db.application.findFirst({ where: { number: parsed.number, applicantId: viewer.id }, select: { number: true } });
  return row?.number ?? null;
}
