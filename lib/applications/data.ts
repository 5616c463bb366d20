import "server-only";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

export const PAGE_SIZE = 20;

/** An applicant's own cases, newest first; the filter on applicantId is the authorization. */
export async function listOwnApplications(viewer: Viewer, page = 1) {
  assertArea(viewer, "portal");
  const skip = (Math.max(1, Math.floor(page)) - 1) * PAGE_SIZE;
  const [items, total] = await Promise.all([
    db.application.findMany({
      where: { applicantId: viewer.id },
      orderBy: { createdAt: "desc" },
      skip,
      take: PAGE_SIZE,
      select: {
        id: true,
        number: true,
        tier: true,
        status: true,
        currentNode: true,
        nodeDueAt: true,
        submittedAt: true,
        service: { select: { nameZh: true, nameEn: true } },
      },
    }),
    db.application.count({ where: { applicantId: viewer.id } }),
  ]);
  return { items, total, page: skip / PAGE_SIZE + 1, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
