// Our `prisma migrate deploy`: Prisma's CLI cannot download its schema engine here, and with a
// dummy engine it reports success while applying nothing. The bookkeeping matches Prisma's
// (prisma-engines, schema-engine/connectors/sql-schema-connector) so either tool can take over.
// Unlike Prisma, each migration runs in one transaction: a failure leaves no half-applied
// schema. Statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY) are unsupported.
// Reads prisma/migrations from disk: import from scripts and tests only, never from app code.
// After Prisma's migrations it installs or upgrades graphile-worker's own schema (the job queue,
// decision 018), so one `npm run db:migrate` leaves the database ready for web and worker processes.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Prisma's key, so this runner and `prisma migrate deploy` also exclude each other.
const ADVISORY_LOCK_KEY = 72707369;
const LOCK_WAIT = "10min";

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

export type MigrateOptions = { migrationsDir?: string; log?: (line: string) => void };

type LocalMigration = { name: string; checksum: string; script: string };

export type MigrationRow = {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
};

export async function migrate(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const migrationsDir = path.resolve(options.migrationsDir ?? path.join("prisma", "migrations"));
  const log = options.log ?? (() => {});
  const local = await readMigrations(migrationsDir);

  // One connection for the whole run: the advisory lock belongs to this session and is released
  // when it ends, even if this process dies half way.
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {
    // A dropped connection also fails the pending query, which is where we report it.
  });
  await client.connect();
  try {
    await acquireLock(client, log);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const rows = (await client.query<MigrationRow>('SELECT * FROM "_prisma_migrations" ORDER BY started_at'))
      .rows;
    assertRunnable(rows, local, migrationsDir);

    const done = new Set(
      rows.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => row.migration_name),
    );
    const pending = local.filter((migration) => !done.has(migration.name));
    for (const migration of pending) {
      await apply(client, migration);
      log(`Applied ${migration.name}`);
    }
    log(`Database is up to date (${local.length} migration${local.length === 1 ? "" : "s"})`);
    // Still under the lock, so concurrent runs do not race graphile-worker's own migrations.
    await migrateJobQueue(databaseUrl);
    log("Job queue schema is up to date (graphile-worker)");
    return { applied: pending.map((migration) => migration.name) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The migrations in the folder that the database has not finished (all of them on an empty
 * database), without taking the lock or changing anything: production start refuses while any are
 * pending, since migrating is an explicit step there (`npm run db:migrate`).
 */
export async function pendingMigrations(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<string[]> {
  const migrationsDir = path.resolve(options.migrationsDir ?? path.join("prisma", "migrations"));
  const local = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean; jobs: boolean }>(
      "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists, to_regclass('graphile_worker.migrations') IS NOT NULL AS jobs",
    );
    const jobQueue = rows[0]?.jobs ? [] : [JOB_QUEUE_SCHEMA];
    if (!rows[0]?.exists) return [...local.map((migration) => migration.name), ...jobQueue];
    const done = new Set(
      (
        await client.query<{ migration_name: string }>(
          'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )
      ).rows.map((row) => row.migration_name),
    );
    return [
      ...local.filter((migration) => !done.has(migration.name)).map((migration) => migration.name),
      ...jobQueue,
    ];
  } finally {
    await client.end().catch(() => undefined);
  }
}

const JOB_QUEUE_SCHEMA = "graphile-worker job queue schema";

/**
 * graphile-worker's migrations (each in its own transaction; a version that finds a newer,
 * breaking schema refuses). Loaded on demand: nothing else here needs the package.
 */
async function migrateJobQueue(databaseUrl: string) {
  const { Logger, runMigrations } = await import("graphile-worker");
  // Its progress lines are debug noise here; a failure surfaces as the rejected promise.
  const quiet = new Logger(() => () => {});
  await runMigrations({ connectionString: databaseUrl, logger: quiet });
}

async function readMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: unknown) => {
    throw new Error(`Cannot read the migrations directory ${migrationsDir}: ${errorMessage(error)}`);
  });
  const lockFile = entries.find((entry) => entry.isFile() && entry.name === "migration_lock.toml");
  if (lockFile) {
    const text = await readFile(path.join(migrationsDir, lockFile.name), "utf8");
    const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(text)?.[1];
    if (provider !== "postgresql")
      throw new Error(`${migrationsDir}/migration_lock.toml names provider "${provider}", not "postgresql"`);
  }
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  // Code-unit order, like Prisma: migration names start with a sortable timestamp.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const bytes = await readFile(file).catch(() => {
        throw new Error(`Migration ${name} has no migration.sql (${file})`);
      });
      return {
        name,
        checksum: createHash("sha256").update(bytes).digest("hex"),
        script: bytes.toString("utf8"),
      };
    }),
  );
}

async function acquireLock(client: pg.Client, log: (line: string) => void) {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
    ADVISORY_LOCK_KEY,
  ]);
  if (rows[0]?.locked) return;
  log(`Waiting for another migration run to finish (advisory lock ${ADVISORY_LOCK_KEY})`);
  await client.query(`SET lock_timeout = '${LOCK_WAIT}'`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  } catch (error) {
    throw new Error(
      `Gave up after ${LOCK_WAIT} waiting for the migration lock (pg_advisory_lock(${ADVISORY_LOCK_KEY})): ${errorMessage(error)}`,
    );
  }
  await client.query("RESET lock_timeout");
}

function assertRunnable(rows: MigrationRow[], local: LocalMigration[], migrationsDir: string) {
  const problems: string[] = [];
  for (const row of rows) {
    if (row.finished_at || row.rolled_back_at) continue;
    problems.push(
      `Migration ${row.migration_name} failed (started ${row.started_at.toISOString()}) and blocks all further migrations. ` +
        `Fix its migration.sql (and the database, if the attempt was not made by this runner, which rolls back), ` +
        `then mark the attempt rolled back: ` +
        `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = '${row.id}' ` +
        `(or \`prisma migrate resolve --rolled-back ${row.migration_name}\`). Its error was: ${row.logs ?? "(no log)"}`,
    );
  }
  const byName = new Map(local.map((migration) => [migration.name, migration]));
  for (const row of rows) {
    if (!row.finished_at || row.rolled_back_at) continue;
    const migration = byName.get(row.migration_name);
    if (!migration) {
      problems.push(
        `Migration ${row.migration_name} is applied in the database but its folder is missing from ${migrationsDir}`,
      );
    } else if (migration.checksum !== row.checksum) {
      problems.push(
        `Migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum} in the database, ` +
          `${migration.checksum} on disk). Restore the applied file and put the change in a new migration.`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`Refusing to migrate:\n- ${problems.join("\n- ")}`);
}

async function apply(client: pg.Client, migration: LocalMigration) {
  const id = randomUUID();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    if (migration.script.trim() !== "") await client.query(migration.script);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const logs = describeFailure(error, migration.script);
    // Recorded after the rollback, as Prisma does, so the failure blocks later runs until resolved.
    await client
      .query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
         VALUES ($1, $2, $3, $4, now(), 0)`,
        [id, migration.checksum, migration.name, logs],
      )
      .catch(() => undefined);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${logs}`, { cause: error });
  }
}

function describeFailure(error: unknown, script: string): string {
  if (!(error instanceof pg.DatabaseError)) return errorMessage(error);
  const position = Number(error.position);
  const line = position > 0 ? ` (migration.sql line ${script.slice(0, position).split("\n").length})` : "";
  const detail = [error.detail && `DETAIL: ${error.detail}`, error.hint && `HINT: ${error.hint}`].filter(
    Boolean,
  );
  return [`ERROR ${error.code}: ${error.message}${line}`, ...detail].join("\n");
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
