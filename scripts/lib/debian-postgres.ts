import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findDebianPostgres } from "../../lib/testing/debian-postgres";

/**
 * The backup round-trip test (scripts/lib/backup.test.ts) needs a PostgreSQL server together with
 * its own pg_dump and pg_restore; the embedded PostgreSQL has neither tool. When none is installed
 * and we are root on Debian/Ubuntu we install the distribution's postgresql package (as for
 * Chromium); elsewhere we say how. Debian's package also starts a cluster on port 5432.
 */
export function ensureDebianPostgres(log: (line: string) => void): void {
  if (findDebianPostgres()) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    throw new Error(
      "No PostgreSQL server with pg_dump under /usr/lib/postgresql/<N>/bin (needed by the backup test). " +
        "Install it (Debian/Ubuntu: sudo apt-get install -y postgresql).",
    );
  }
  log("Installing Debian's postgresql for the backup test (one time)…");
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "postgresql"],
  ]) {
    const result = spawnSync("apt-get", args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed`);
  }
}
