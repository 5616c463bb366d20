import "server-only";
import { z } from "zod";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { worksShifts } from "@/lib/rota/access";
import { CHECKLIST_ITEMS, HANDOVER_PAGE_SIZE, MAX_HANDOVER_CASES, type ChecklistItem } from "./schema";

const PERSON = { select: { id: true, displayName: true } } as const;

const SUMMARY_SELECT = {
  id: true,
  createdAt: true,
  acknowledgedAt: true,
  author: PERSON,
  acknowledgedBy: PERSON,
  shift: { select: { name: true } },
  _count: { select: { cases: true } },
} satisfies Prisma.HandoverSelect;

function summary(row: Prisma.HandoverGetPayload<{ select: typeof SUMMARY_SELECT }>) {
  const { _count, shift, ...rest } = row;
  return { ...rest, shiftName: shift?.name ?? null, caseCount: _count.cases };
}

export type HandoverSummary = ReturnType<typeof summary>;

/** The viewer's own open cases, most urgent first: the rows of the handover form. */
export async function listOwnOpenCases(viewer: Viewer) {
  assertArea(viewer, "console");
  return db.application.findMany({
    where: { assigneeId: viewer.id, closedAt: null },
    orderBy: [{ tier: "desc" }, { triageScore: "desc" }, { nodeDueAt: "asc" }, { id: "asc" }],
    take: MAX_HANDOVER_CASES,
    select: {
      id: true,
      number: true,
      tier: true,
      currentNode: true,
      nodeDueAt: true,
      service: { select: { nameZh: true, nameEn: true } },
    },
  });
}

export type OwnOpenCase = Awaited<ReturnType<typeof listOwnOpenCases>>[number];

/** Handovers nobody has acknowledged yet, newest first (few by nature: each shift acknowledges the last). */
export async function listPendingHandovers(viewer: Viewer) {
  assertArea(viewer, "console");
  const rows = await db.handover.findMany({
    where: { acknowledgedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HANDOVER_PAGE_SIZE,
    select: { ...SUMMARY_SELECT, incidents: true },
  });
  return rows.map((row) => ({ ...summary(row), incidents: row.incidents }));
}

/** How many handovers from others wait for the viewer's shift (0 for administrators, who do not work shifts). */
export async function countPendingHandovers(viewer: Viewer): Promise<number> {
  assertArea(viewer, "console");
  if (!worksShifts(viewer.role)) return 0;
  return db.handover.count({ where: { acknowledgedAt: null, authorId: { not: viewer.id } } });
}

/** Every handover, newest first, one page at a time. */
export async function listHandovers(viewer: Viewer, page: number) {
  assertArea(viewer, "console");
  const rows = await db.handover.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * HANDOVER_PAGE_SIZE,
    take: HANDOVER_PAGE_SIZE + 1,
    select: SUMMARY_SELECT,
  });
  return { items: rows.slice(0, HANDOVER_PAGE_SIZE).map(summary), hasMore: rows.length > HANDOVER_PAGE_SIZE };
}

/** One handover with its cases (and who holds each now), or null. */
export async function findHandover(viewer: Viewer, handoverId: string) {
  assertArea(viewer, "console");
  if (!z.uuid().safeParse(handoverId).success) return null;
  const row = await db.handover.findUnique({
    where: { id: handoverId },
    select: {
      ...SUMMARY_SELECT,
      note: true,
      incidents: true,
      checklist: true,
      cases: {
        orderBy: { application: { number: "asc" } },
        select: {
          note: true,
          application: {
            select: {
              id: true,
              number: true,
              currentNode: true,
              closedAt: true,
              assignee: PERSON,
              service: { select: { nameZh: true, nameEn: true } },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const answered = (row.checklist ?? {}) as Partial<Record<ChecklistItem, boolean>>;
  return {
    ...summary(row),
    note: row.note,
    incidents: row.incidents,
    checklist: CHECKLIST_ITEMS.map((item) => ({ item, done: answered[item] === true })),
    cases: row.cases.map(({ note, application }) => ({ note, ...application })),
  };
}

export type HandoverDetail = NonNullable<Awaited<ReturnType<typeof findHandover>>>;
