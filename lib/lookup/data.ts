import "server-only";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import {
  lookupCandidateSql,
  publicCaseSql,
  toLookupCandidate,
  toPublicCaseRow,
  type PublicCaseSqlRow,
} from "./lookup-sql";
import { toPublicView } from "./public-view";

/** The case a lookup compares against (id and ID-number hash only), or null. */
export async function findLookupCandidate(number: string) {
  const [row] = await db.$queryRaw<Parameters<typeof toLookupCandidate>[0][]>(lookupCandidateSql(number));
  return toLookupCandidate(row!);
}

/** The public view of a case whose ID number (or share link) was already checked, in one query. */
export async function findPublicCase(where: { id: string } | { number: string }, now: Date) {
  const [row] = await db.$queryRaw<PublicCaseSqlRow[]>(publicCaseSql(where));
  if (!row) return null;
  const { caseRow, nodeTargets } = toPublicCaseRow(row);
  return toPublicView(caseRow, nodeTargets, now);
}

/** The applicant's own case number, for making a share link; null for anyone else's or an unknown one. */
export async function findOwnCaseNumber(viewer: Viewer, rawNumber: string): Promise<string | null> {
  assertArea(viewer, "portal");
  const parsed = validateApplicationNumber(rawNumber);
  if (!parsed.ok) return null;
  const row = await db.application.findFirst({
    where: { number: parsed.number, applicantId: viewer.id },
    select: { number: true },
  });
  return row?.number ?? null;
}
