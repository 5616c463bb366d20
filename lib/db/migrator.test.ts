import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { migrate, pendingMigrations, type MigrationRow } from "./migrator";

const REAL_MIGRATIONS = path.resolve("prisma", "migrations");
const databases: TestDatabase[] = [];
const directories: string[] = [];

afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
  await Promise.all(
    directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })),
  );
});

async function emptyDatabase(): Promise<string> {
  const database = await createTestDatabase({ migrate: false });
  databases.push(database);
  return database.url;
}

async function migrationsDir(migrations: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), "expedite-migrations-"));
  directories.push(directory);
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(directory, name));
    await writeFile(path.join(directory, name, "migration.sql"), sql);
  }
  return directory;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

type Row = MigrationRow;

const rowsOf = (url: string) =>
  query<Row>(url, 'SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name');
const tableExists = async (url: string, table: string) =>
  (await query<{ found: string | null }>(url, `SELECT to_regclass('"${table}"')::text AS found`))[0]
    ?.found !== null;

describe("migrate", () => {
  it("applies prisma/migrations to an empty database and records them as Prisma does", async () => {
    const url = await emptyDatabase();
    const entries = await readdir(REAL_MIGRATIONS, { withFileTypes: true });
    const names = entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(names).toContain("20261121000000_init");
    const lines: string[] = [];

    const result = await migrate(url, { log: (line) => lines.push(line) });

    expect(result.applied).toEqual(names);
    const plural = names.length === 1 ? "" : "s";
    expect(lines).toEqual([
      ...names.map((name) => `Applied ${name}`),
      `Database is up to date (${names.length} migration${plural})`,
      "Job queue schema is up to date (graphile-worker)",
    ]);
    const rows = await rowsOf(url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    // The job queue (decision 018) comes with the same command, after Prisma's migrations.
    expect(await query(url, "SELECT count(*)::int AS n FROM graphile_worker.jobs")).toEqual([{ n: 0 }]);
    for (const row of rows) {
      const bytes = await readFile(path.join(REAL_MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row).toMatchObject({
        checksum: createHash("sha256").update(bytes).digest("hex"),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
    const columns = await query(
      url,
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    const column = (
      name: string,
      type: string,
      length: number | null,
      nullable: string,
      fallback: string | null = null,
    ) => ({
      column_name: name,
      data_type: type,
      length,
      is_nullable: nullable,
      column_default: fallback,
    });
    expect(columns).toEqual([
      column("id", "character varying", 36, "NO"),
      column("checksum", "character varying", 64, "NO"),
      column("finished_at", "timestamp with time zone", null, "YES"),
      column("migration_name", "character varying", 255, "NO"),
      column("logs", "text", null, "YES"),
      column("rolled_back_at", "timestamp with time zone", null, "YES"),
      column("started_at", "timestamp with time zone", null, "NO", "now()"),
      column("applied_steps_count", "integer", null, "NO", "0"),
    ]);
  });

  it("applies nothing on a second run", async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const before = await rowsOf(url);
    const lines: string[] = [];

    const result = await migrate(url, { log: (line) => lines.push(line) });

    expect(result.applied).toEqual([]);
    expect(lines).toEqual([
      expect.stringMatching(/^Database is up to date \(\d+ migrations?\)$/),
      "Job queue schema is up to date (graphile-worker)",
    ]);
    expect(await rowsOf(url)).toEqual(before);
  });

  it("applies each migration exactly once when two runs start together", async () => {
    const url = await emptyDatabase();

    const [first, second] = await Promise.all([migrate(url), migrate(url)]);

    const applied = [...first.applied, ...second.applied].sort();
    const rows = await rowsOf(url);
    expect(applied).toEqual(rows.map((row) => row.migration_name).sort());
    expect(new Set(applied).size).toBe(applied.length);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it("waits while another session holds Prisma's migration lock", async () => {
    const url = await emptyDatabase();
    const directory = await migrationsDir({ "20260101000000_a": 'CREATE TABLE "a" ("id" INTEGER);' });
    const holder = new pg.Client({ connectionString: url });
    holder.on("error", () => {});
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock(72707369)");
    const lines: string[] = [];

    const run = migrate(url, { migrationsDir: directory, log: (line) => lines.push(line) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await tableExists(url, "a")).toBe(false);
    expect(lines[0]).toMatch(/^Waiting for another migration run/);
    await holder.end();

    expect((await run).applied).toEqual(["20260101000000_a"]);
  });

  it("refuses to run when an applied migration was modified", async () => {
    const url = await emptyDatabase();
    const directory = await migrationsDir({ "20260101000000_a": 'CREATE TABLE "a" ("id" INTEGER);' });
    await migrate(url, { migrationsDir: directory });
    await writeFile(
      path.join(directory, "20260101000000_a", "migration.sql"),
      'CREATE TABLE "a" ("id" BIGINT);',
    );

    await expect(migrate(url, { migrationsDir: directory })).rejects.toThrow(
      /Migration 20260101000000_a was modified after it was applied \(checksum [0-9a-f]{64} in the database, [0-9a-f]{64} on disk\)/,
    );
  });

  it("rolls a failing migration back, records the failure and blocks later runs until resolved", async () => {
    const url = await emptyDatabase();
    const directory = await migrationsDir({
      "20260101000000_ok": 'CREATE TABLE "ok_table" ("id" INTEGER);',
      "20260102000000_broken":
        'CREATE TABLE "half_done" ("id" INTEGER);\nINSERT INTO "missing_table" VALUES (1);',
      "20260103000000_later": 'CREATE TABLE "later" ("id" INTEGER);',
    });

    await expect(migrate(url, { migrationsDir: directory })).rejects.toThrow(
      'Migration 20260102000000_broken failed and was rolled back: ERROR 42P01: relation "missing_table" does not exist (migration.sql line 2)',
    );

    expect(await tableExists(url, "ok_table")).toBe(true);
    expect(await tableExists(url, "half_done")).toBe(false);
    expect(await tableExists(url, "later")).toBe(false);
    const [ok, broken, ...rest] = await rowsOf(url);
    expect(rest).toEqual([]);
    expect(ok).toMatchObject({ migration_name: "20260101000000_ok", applied_steps_count: 1, logs: null });
    expect(broken).toMatchObject({
      migration_name: "20260102000000_broken",
      finished_at: null,
      rolled_back_at: null,
      applied_steps_count: 0,
    });
    expect(broken?.logs).toContain('relation "missing_table" does not exist');

    // Fixing the file is not enough: the failed attempt must be resolved first.
    await writeFile(
      path.join(directory, "20260102000000_broken", "migration.sql"),
      'CREATE TABLE "half_done" ("id" INTEGER);',
    );
    await expect(migrate(url, { migrationsDir: directory })).rejects.toThrow(
      /Migration 20260102000000_broken failed \(started .*\) and blocks all further migrations/,
    );
    expect(await tableExists(url, "later")).toBe(false);

    await query(
      url,
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '20260102000000_broken'`,
    );
    const result = await migrate(url, { migrationsDir: directory });
    expect(result.applied).toEqual(["20260102000000_broken", "20260103000000_later"]);
    expect(await tableExists(url, "half_done")).toBe(true);
  });

  it("reports an applied migration whose folder is missing", async () => {
    const url = await emptyDatabase();
    const directory = await migrationsDir({
      "20260101000000_a": 'CREATE TABLE "a" ("id" INTEGER);',
      "20260102000000_b": 'CREATE TABLE "b" ("id" INTEGER);',
    });
    await migrate(url, { migrationsDir: directory });
    await rm(path.join(directory, "20260102000000_b"), { recursive: true });

    await expect(migrate(url, { migrationsDir: directory })).rejects.toThrow(
      `Migration 20260102000000_b is applied in the database but its folder is missing from ${directory}`,
    );
  });

  it("refuses a migrations directory locked to another provider", async () => {
    const url = await emptyDatabase();
    const directory = await migrationsDir({});
    await writeFile(path.join(directory, "migration_lock.toml"), 'provider = "mysql"\n');

    await expect(migrate(url, { migrationsDir: directory })).rejects.toThrow(
      /names provider "mysql", not "postgresql"/,
    );
  });
});

describe("pendingMigrations", () => {
  it("names every migration and the job queue schema on an empty database, and nothing once migrated", async () => {
    const url = await emptyDatabase();
    const names = (await readdir(REAL_MIGRATIONS, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(await pendingMigrations(url)).toEqual([...names, "graphile-worker job queue schema"]);
    await migrate(url);
    expect(await pendingMigrations(url)).toEqual([]);
    await query(url, "DROP SCHEMA graphile_worker CASCADE");
    expect(await pendingMigrations(url)).toEqual(["graphile-worker job queue schema"]);
  });
});
