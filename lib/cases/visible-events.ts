import type { TimelineEventWhereInput } from "@/lib/generated/prisma/models";
import { sql } from "@/lib/sql";

/**
 * Timeline events the applicant (and public lookup) may see: not staff-only notes, and not the
 * upload of a result document that is not issued yet (issuing it is its own event).
 */
export const APPLICANT_VISIBLE_EVENTS = {
  OR: [
    { action: { notIn: ["NOTE_ADDED", "DOCUMENT_UPLOADED"] } },
    { action: "NOTE_ADDED", publicNote: { not: null } },
  ],
} satisfies TimelineEventWhereInput;

/**
 * The same filter in SQL, on timeline_event aliased `e`, for the public lookup's single query
 * (lib/lookup/lookup-sql.ts). visible-events.test.ts checks that both select exactly the same events.
 */
export const APPLICANT_VISIBLE_EVENTS_SQL = sql`(e.action NOT IN ('NOTE_ADDED', 'DOCUMENT_UPLOADED') OR (e.action = 'NOTE_ADDED' AND e.public_note IS NOT NULL))`;
