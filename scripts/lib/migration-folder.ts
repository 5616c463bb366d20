// Names a new migration folder: <YYYYMMDDHHMMSS>_<name>, in UTC as Prisma names them, and always
// after the newest existing folder (some are dated ahead of the clock), since folders apply in name order.

const NAME = /^[a-z0-9]+(_[a-z0-9]+)*$/;
const FOLDER = /^(\d{14})_/;

/** Why `name` cannot name a migration, or undefined when it can. */
export function invalidMigrationName(name: string | undefined): string | undefined {
  if (!name) return "Give the migration a name: npm run db:diff -- <name>   (e.g. add_case_notes)";
  if (!NAME.test(name))
    return `"${name}" is not a migration name: use lower-case letters, digits and single underscores.`;
  return undefined;
}

export function migrationFolderName(name: string, now: Date, existingFolders: string[]): string {
  const latest = existingFolders
    .map((folder) => FOLDER.exec(folder)?.[1])
    .filter((stamp): stamp is string => stamp !== undefined)
    .sort()
    .at(-1);
  let stamp = timestamp(now);
  if (latest && stamp <= latest) stamp = timestamp(new Date(parseTimestamp(latest).getTime() + 1000));
  return `${stamp}_${name}`;
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

function parseTimestamp(stamp: string): Date {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp)!;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}
