import "server-only";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { APPLICANT_VISIBLE_EVENTS } from "@/lib/cases/data";
import { db } from "@/lib/db";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import { toPublicView, type PublicCaseRow } from "./public-view";

const TIMELINE_LIMIT = 500;

/**
 * The one read of a lookup before the ID number is known to match: the same single indexed query
 * whether or not the number exists, so its timing says nothing. Nothing else is loaded until the
 * hashes match.
 */
export function findLookupCandidate(number: string) {
  return db.application.findUnique({ where: { number }, select: { id: true, idNumberHash: true } });
}

export function findLookupThrottles(keys: string[]) {
  return db.lookupThrottle.findMany({ where: { key: { in: keys } }, select: { key: true, lockedUntil: true } });
}

/**
 * The public view of a case whose ID number (or share link) was already checked. Only public columns
 * are selected: no contact details, no reason, no evidence, no ID, no internal notes, and of each
 * event's actor only the role, never a name.
 */
export async function findPublicCase(where: { id: string } | { number: string }, now: Date) {
  const row: PublicCaseRow | null = await db.application.findUnique({
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
      service: { select: { code: true, nameZh: true, nameEn: true, requiresExpertReview: true } },
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
  const targets = await db.nodeTarget.findMany({
    where: { serviceTier: { serviceId: row.serviceId, tier: row.tier } },
    select: { node: true, targetMinutes: true },
  });
  const nodeTargets = Object.fromEntries(targets.map((target) => [target.node, target.targetMinutes])) as Partial<Record<WorkflowNode, number>>;
  return toPublicView(row, nodeTargets, now);
}

/** The applicant's own case number, for making a share link; null for anyone else's or an unknown one. */
export async function findOwnCaseNumber(viewer: Viewer, rawNumber: string): Promise<string | null> {
  assertArea(viewer, "portal");
  const parsed = validateApplicationNumber(rawNumber);
  if (!parsed.ok) return null;
  const row = await db.application.findFirst({ where: { number: parsed.number, applicantId: viewer.id }, select: { number: true } });
  return row?.number ?? null;
}
