// prisma/schema.prisma and prisma/migrations must describe the same database. Prisma's own engine
// applies the migrations to a throwaway database and prints the SQL that would make it match the
// schema. When the first test fails, that SQL is the missing migration: `npm run db:diff -- <name>`.
import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import "../testing/provided-context";
import { diffMigrationsToSchema, EMPTY_MIGRATION } from "./schema-engine";
import { pgServerFromUrl } from "./schema-engine-adapter";

const SCHEMA = path.resolve("prisma/schema.prisma");
const MIGRATIONS = path.resolve("prisma/migrations");
// Matched by the global setup's clean-up of databases left by killed runs (expedite_test_%).
const prefix = `expedite_test_engine_${randomBytes(3).toString("hex")}`;

let schemaSource: string;
let scratch: string;

beforeAll(async () => {
  schemaSource = await readFile(SCHEMA, "utf8");
  scratch = await mkdtemp(path.join(tmpdir(), "expedite-drift-"));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function diff(files: { schemaPath?: string; migrationsDir?: string } = {}) {
  return diffMigrationsToSchema({
    server: pgServerFromUrl(inject("databaseAdminUrl")),
    databasePrefix: prefix,
    ...files,
  });
}

/** A copy of schema.prisma with one edit, checked to have applied. */
async function schemaWith(edit: (source: string) => string): Promise<string> {
  const edited = edit(schemaSource);
  expect(edited).not.toBe(schemaSource);
  const file = path.join(scratch, `${randomBytes(4).toString("hex")}.prisma`);
  await writeFile(file, edited);
  return file;
}

/** A copy of prisma/migrations with one more migration at the end. */
async function migrationsWith(sql: string): Promise<string> {
  const dir = path.join(scratch, `migrations-${randomBytes(4).toString("hex")}`);
  await cp(MIGRATIONS, dir, { recursive: true });
  await mkdir(path.join(dir, "29991231000000_extra"));
  await writeFile(path.join(dir, "29991231000000_extra", "migration.sql"), sql);
  return dir;
}

const addUserField = (field: string) => (source: string) =>
  source.replace(/^model User \{\n/m, (opening) => `${opening}  ${field}\n`);

describe("schema drift (Prisma's schema engine)", { timeout: 120_000 }, () => {
  it("finds none between prisma/schema.prisma and prisma/migrations", async () => {
    const sql = await diff();

    expect(
      sql,
      `prisma/schema.prisma and prisma/migrations disagree. The migration that would make them agree ` +
        `(write it with \`npm run db:diff -- <name>\`):\n\n${sql}\n`,
    ).toBe(EMPTY_MIGRATION);
  });

  it("lists the SQL for a field added to schema.prisma without a migration", async () => {
    const schemaPath = await schemaWith(addUserField("nickname String?"));

    expect(await diff({ schemaPath })).toContain(`ALTER TABLE "user" ADD COLUMN     "nickname" TEXT;`);
  });

  it("lists the SQL for an index added to schema.prisma without a migration", async () => {
    const schemaPath = await schemaWith(addUserField("@@index([phone])"));

    expect(await diff({ schemaPath })).toContain(`CREATE INDEX "user_phone_idx" ON "user"("phone");`);
  });

  it("lists the SQL for a partial index whose predicate differs", async () => {
    const schemaPath = await schemaWith((source) =>
      source.replace(
        '@@index([nodeDueAt], where: raw("closed_at IS NULL"))',
        `@@index([nodeDueAt], where: raw("status <> 'WITHDRAWN'"))`,
      ),
    );

    const sql = await diff({ schemaPath });

    expect(sql).toContain(`DROP INDEX "application_node_due_at_idx";`);
    expect(sql).toMatch(
      /CREATE INDEX "application_node_due_at_idx" ON "application"\("node_due_at"\) WHERE \(?status <> 'WITHDRAWN'/,
    );
  });

  it("lists the SQL for a default that differs", async () => {
    const schemaPath = await schemaWith((source) =>
      source.replace('locale       String   @default("zh")', 'locale       String   @default("en")'),
    );

    expect(await diff({ schemaPath })).toContain(
      `ALTER TABLE "user" ALTER COLUMN "locale" SET DEFAULT 'en';`,
    );
  });

  it("lists the SQL that undoes a migration schema.prisma does not describe", async () => {
    const migrationsDir = await migrationsWith(
      [
        `CREATE INDEX "user_phone_idx" ON "user"("phone");`,
        `ALTER TABLE "user" ALTER COLUMN "phone" SET NOT NULL;`,
        `ALTER TABLE "service_type" ALTER COLUMN "sort_order" TYPE BIGINT;`,
        `CREATE TABLE "scratch" ("id" INTEGER);`,
      ].join("\n"),
    );

    const sql = await diff({ migrationsDir });

    expect(sql).toContain(`DROP INDEX "user_phone_idx";`);
    expect(sql).toContain(`ALTER TABLE "user" ALTER COLUMN "phone" DROP NOT NULL;`);
    expect(sql).toContain(`ALTER TABLE "service_type" ALTER COLUMN "sort_order" SET DATA TYPE INTEGER;`);
    expect(sql).toContain(`DROP TABLE "scratch";`);
  });

  it("works only in throwaway databases, and drops them", async () => {
    const client = new pg.Client({ connectionString: inject("databaseAdminUrl") });
    await client.connect();
    try {
      const left = await client.query("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [
        prefix,
      ]);
      expect(left.rows).toEqual([]);
      // The engine resets and migrates its shadow database: that must never be the one it was given.
      const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.rows).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
