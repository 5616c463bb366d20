import "server-only";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

const OPEN_STATUSES = ["IN_PROGRESS", "AWAITING_APPLICANT"] as const;

/** Open cases per workflow node, for the console's overview. Staff only. */
export async function countOpenCasesByNode(viewer: Viewer) {
  assertArea(viewer, "console");
  const rows = await db.application.groupBy({
    by: ["currentNode"],
    where: { status: { in: [...OPEN_STATUSES] } },
    _count: { _all: true },
  });
  return rows.map((row) => ({ node: row.currentNode, count: row._count._all }));
}
