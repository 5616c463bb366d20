import { z } from "zod";
import { filterText } from "@/lib/validation/text";

export const AUDIT_PAGE_SIZE = 50;
/** Staff offered by name in the "who" filter; past this, the name/email search still finds anyone. */
export const AUDIT_PEOPLE_LIMIT = 300;

/** Prisma passes startsWith/contains to LIKE as they are: "_" and "%" would match any character. */
export function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Newest first; a cursor is the (createdAt, id) of the last row shown, so pages stay stable while rows arrive. */
export type AuditCursor = { createdAt: Date; id: bigint };

export function encodeCursor(cursor: AuditCursor): string {
  return `${cursor.createdAt.getTime()}_${cursor.id}`;
}

export function decodeCursor(raw: string | undefined): AuditCursor | null {
  const match = raw ? /^(\d{1,15})_(\d{1,19})$/.exec(raw) : null;
  return match ? { createdAt: new Date(Number(match[1])), id: BigInt(match[2]!) } : null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (max: number) => filterText().pipe(z.string().trim().max(max)).catch("");

/** The audit page's query string. Anything odd is dropped rather than turned into an error page. */
export const auditQuerySchema = z.object({
  actor: text(100),
  /** A person picked from the list, or "system" for what the server did by itself. */
  actorId: z
    .union([z.uuid(), z.literal("system")])
    .optional()
    .catch(undefined),
  action: text(100),
  entityType: text(50),
  entityId: text(100),
  from: z.string().regex(DAY).optional().catch(undefined),
  to: z.string().regex(DAY).optional().catch(undefined),
  before: z.string().max(40).optional().catch(undefined),
  after: z.string().max(40).optional().catch(undefined),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** How far `timeZone` is ahead of UTC at `instant`, in ms (whole seconds; no zone has finer offsets today). */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((entry) => entry.type === type)?.value);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a calendar day starts in the viewer's zone: a filter "from 2026-03-10" means from
 * that midnight where the admin is, not in UTC. Null for a day that does not exist.
 */
export function zonedDayStart(day: string, timeZone: string, addDays = 0): Date | null {
  const match = DAY.test(day) ? day.split("-").map(Number) : null;
  if (!match) return null;
  const [year, month, date] = match as [number, number, number];
  const wall = Date.UTC(year, month - 1, date + addDays);
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  // Twice: the offset at the guessed instant may differ from the one at the answer across a DST change.
  const guess = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(guess, timeZone));
}
