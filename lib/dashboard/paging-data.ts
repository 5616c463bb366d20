import "server-only";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { NotAuthorizedError } from "@/lib/errors";
import { pagingByShiftSql } from "./paging-sql";
import { canViewDashboard, scopeOf, type DashboardFilters } from "./schema";

type Measure = { total: number; done: number; medianMinutes: number | null; p90Minutes: number | null };

/** One shift's figures; `shift` null: moments no rota shift covered. */
export type PagingShiftRow = { shift: string | null; contact: Measure; ack: Measure };

const NONE: Measure = { total: 0, done: 0, medianMinutes: null, p90Minutes: null };

/**
 * Time to first contact (cases) and to acknowledgement (pages) per rota shift, for supervisors and
 * admins (checked here, whatever the page checked). Definitions: lib/dashboard/paging-sql.ts.
 */
export async function getPagingByShift(viewer: Viewer, filters: DashboardFilters): Promise<PagingShiftRow[]> {
  assertArea(viewer, "console");
  if (!canViewDashboard(viewer.role)) throw new NotAuthorizedError();
  const rows = await db.$queryRaw<({ kind: "contact" | "ack"; shift: string | null } & Measure)[]>(
    pagingByShiftSql(scopeOf(filters, serverEnv().ROTA_TIME_ZONE)),
  );
  const byShift = new Map<string | null, PagingShiftRow>();
  for (const { kind, shift, ...measure } of rows) {
    const row = byShift.get(shift) ?? { shift, contact: NONE, ack: NONE };
    row[kind] = measure;
    byShift.set(shift, row);
  }
  return [...byShift.values()];
}
