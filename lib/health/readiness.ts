import pg from "pg";
import { pendingMigrations } from "../db/migrator";

export type Readiness =
  | { ok: true }
  | {
      ok: false;
      reason: "shutting_down" | "database_unreachable" | "migrations_pending" | "migrations_unknown";
    };

export type ReadinessProbe = { check(): Promise<Readiness>; close(): Promise<void> };

/**
 * /api/health/ready: may a load balancer send this instance requests? Not while it drains, not
 * without its database, and not on a schema older than its build (it would fail on missing columns).
 * Migrations the build does not know are fine: in a rolling deploy the database is migrated first
 * and the old instances keep serving. Load balancers ask every few seconds, so the database check is
 * one `SELECT 1` on a connection of its own (a busy app pool does not make the instance look down),
 * and "migrations current" is remembered for a while (a pending one is looked for again each time).
 * Runs in the Node server in front of Next (it reads prisma/migrations, which app code must not).
 */
export function readinessProbe(options: {
  databaseUrl: string;
  isDraining: () => boolean;
  migrationsDir?: string;
  migrationsCurrentForMs?: number;
  now?: () => number;
}): ReadinessProbe {
  const now = options.now ?? Date.now;
  const rememberMs = options.migrationsCurrentForMs ?? 30_000;
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 1,
    connectionTimeoutMillis: 2_000,
    query_timeout: 2_000,
    idleTimeoutMillis: 60_000,
    allowExitOnIdle: true,
  });
  pool.on("error", () => {
    // An idle connection that dies is dropped by the pool; the next check reports the outage.
  });
  let migrationsCurrentUntil = Number.NEGATIVE_INFINITY;

  async function check(): Promise<Readiness> {
    if (options.isDraining()) return { ok: false, reason: "shutting_down" };
    try {
      await pool.query("SELECT 1");
    } catch {
      return { ok: false, reason: "database_unreachable" };
    }
    if (now() >= migrationsCurrentUntil) {
      const pending = await pendingMigrations(options.databaseUrl, {
        migrationsDir: options.migrationsDir,
      }).catch(() => null);
      if (pending === null) return { ok: false, reason: "migrations_unknown" };
      if (pending.length > 0) return { ok: false, reason: "migrations_pending" };
      migrationsCurrentUntil = now() + rememberMs;
    }
    // Shutdown may have begun while we waited on the database.
    return options.isDraining() ? { ok: false, reason: "shutting_down" } : { ok: true };
  }

  return { check, close: () => pool.end() };
}
