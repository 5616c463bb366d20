// prisma/schema.prisma and prisma/migrations must describe the same database. When this fails,
// write the missing migration (or fix schema.prisma); each line names one difference.
import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { findSchemaDrift } from "./schema-drift";

let schemaSource: string;
const databases: TestDatabase[] = [];

beforeAll(async () => {
  schemaSource = await readFile("prisma/schema.prisma", "utf8");
});

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

async function migratedDatabase(...statements: string[]): Promise<string> {
  const database = await createTestDatabase();
  databases.push(database);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
  return database.url;
}

describe("schema drift", () => {
  it("finds none between prisma/schema.prisma and the migrated database", async () => {
    const url = await migratedDatabase();

    const problems = await findSchemaDrift(schemaSource, url);

    const listed = problems.map((problem) => `  - ${problem}`).join("\n");
    expect(problems, `prisma/schema.prisma and prisma/migrations disagree:\n${listed}\n`).toEqual([]);
  });

  it("reports a field added to schema.prisma without a migration", async () => {
    const url = await migratedDatabase();
    const modified = schemaSource.replace(/^model User \{\n/m, (opening) => `${opening}  nickname String?\n`);
    expect(modified).not.toBe(schemaSource);

    expect(await findSchemaDrift(modified, url)).toEqual([
      'column "user"."nickname" is in schema.prisma but not in the database',
    ]);
  });

  it("reports an index in the database that schema.prisma lacks", async () => {
    const url = await migratedDatabase('CREATE INDEX "user_phone_idx" ON "user"("phone")');

    expect(await findSchemaDrift(schemaSource, url)).toEqual([
      'index "user_phone_idx" on "user"("phone") is in the database but not in schema.prisma',
    ]);
  });

  it("compares the predicates of partial indexes", async () => {
    const url = await migratedDatabase(
      `DROP INDEX "application_tier_triage_score_node_due_at_needed_by_id_idx"`,
      `CREATE INDEX "application_tier_triage_score_node_due_at_needed_by_id_idx" ON "application"("tier" DESC, "triage_score" DESC, "node_due_at", "needed_by", "id") WHERE status <> 'WITHDRAWN'`,
    );

    const columns = '("tier" DESC, "triage_score" DESC, "node_due_at", "needed_by", "id")';
    expect((await findSchemaDrift(schemaSource, url)).sort()).toEqual(
      [
        `index "application_tier_triage_score_node_due_at_needed_by_id_idx" on "application"${columns} WHERE closed_at IS NULL is in schema.prisma but not in the database`,
        `index "application_tier_triage_score_node_due_at_needed_by_id_idx" on "application"${columns} WHERE status <> 'WITHDRAWN'::application_status is in the database but not in schema.prisma`,
      ].sort(),
    );
  });

  it("reports each kind of difference on its own line", async () => {
    const url = await migratedDatabase(
      `ALTER TYPE "role" ADD VALUE 'AUDITOR'`,
      `ALTER TABLE "user" ALTER COLUMN "phone" SET NOT NULL`,
      `ALTER TABLE "user" ALTER COLUMN "locale" SET DEFAULT 'en'`,
      `ALTER TABLE "service_type" ALTER COLUMN "sort_order" TYPE BIGINT`,
      `ALTER TABLE "application" ALTER COLUMN "updated_at" SET DEFAULT CURRENT_TIMESTAMP`,
      `DROP INDEX "audit_log_created_at_idx"`,
      `CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at")`,
      `ALTER INDEX "user_email_key" RENAME TO "user_email_unique"`,
      `ALTER TABLE "node_target" DROP CONSTRAINT "node_target_service_tier_id_fkey"`,
      `ALTER TABLE "node_target" ADD CONSTRAINT "node_target_service_tier_id_fkey" FOREIGN KEY ("service_tier_id")
         REFERENCES "service_tier"("id") ON DELETE RESTRICT ON UPDATE CASCADE`,
      `ALTER TABLE "supplement_item" DROP COLUMN "suggestion"`,
      `CREATE TABLE "scratch" ("id" INTEGER)`,
    );

    const problems = await findSchemaDrift(schemaSource, url);

    expect(problems.sort()).toEqual(
      [
        'enum "role" has values (APPLICANT, REVIEWER, SUPERVISOR, ADMIN) in schema.prisma but (APPLICANT, REVIEWER, SUPERVISOR, ADMIN, AUDITOR) in the database',
        'column "user"."phone" is nullable in schema.prisma but NOT NULL in the database',
        `column "user"."locale" has default 'zh' in schema.prisma but default 'en' in the database`,
        'column "service_type"."sort_order" has type integer in schema.prisma but bigint in the database',
        'column "application"."updated_at" has no default in schema.prisma but default now() in the database',
        'index "audit_log_created_at_idx" on "audit_log"("created_at" DESC) is in schema.prisma but not in the database',
        'index "audit_log_created_at_idx" on "audit_log"("created_at") is in the database but not in schema.prisma',
        'unique index on "user"("email") is named "user_email_key" in schema.prisma but "user_email_unique" in the database',
        'foreign key "node_target_service_tier_id_fkey" "node_target"("service_tier_id") → "service_tier"("id") has ON DELETE CASCADE in schema.prisma but ON DELETE RESTRICT in the database',
        'column "supplement_item"."suggestion" is in schema.prisma but not in the database',
        'table "scratch" is in the database but not in schema.prisma',
      ].sort(),
    );
  });
});
