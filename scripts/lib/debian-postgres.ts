import { findDebianPostgres } from "../../lib/testing/debian-postgres";
import { ensureDebianPackage } from "./debian-package";

/**
 * The backup round-trip test (scripts/lib/backup.test.ts) needs a PostgreSQL server together with
 * its own pg_dump and pg_restore; the embedded PostgreSQL has neither tool. Debian's package (which
 * also starts a cluster of its own on port 5432) provides all three.
 */
export function ensureDebianPostgres(log: (line: string) => void): void {
  ensureDebianPackage("/usr/lib/postgresql/<N>/bin/pg_dump", ["postgresql"], "the backup test", log, () =>
    Boolean(findDebianPostgres()),
  );
}
