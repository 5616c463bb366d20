// Gives the test run a PostgreSQL server: TEST_DATABASE_ADMIN_URL when set (CI with its own
// server), otherwise the embedded one in .data/test-pg, kept apart from the dev database.
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { migrate } from "../db/migrator";
import { dropDatabase, withAdmin } from "./admin-client";
import "./provided-context";

const TEST_PORT = 54330;

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_ADMIN_URL;
  if (external) {
    project.provide("databaseAdminUrl", external);
    const template = await createMigratedTemplate(external);
    project.provide("migratedTemplate", template.name);
    return template.drop;
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(project.config.root, ".data", "test-pg"),
    port: TEST_PORT,
  });
  // Only when we own the server: a concurrent run reusing it may be using its databases.
  if (server.owned) await dropLeftoverDatabases(server.adminUrl);
  project.provide("databaseAdminUrl", server.adminUrl);
  const template = await createMigratedTemplate(server.adminUrl);
  project.provide("migratedTemplate", template.name);
  return async () => {
    await template.drop();
    // Another run that reused this server is still working in its databases: leave it running.
    if (server.owned && (await testDatabaseNames(server.adminUrl)).length > 0) return;
    await server.stop();
  };
}

/**
 * Every migration applied once, into a database the test files copy (CREATE DATABASE … TEMPLATE,
 * about a tenth of the time of migrating each new database; nothing ever connects to the template,
 * which copying requires). Named like a test database, so a killed run's copy is dropped as leftover.
 */
async function createMigratedTemplate(adminUrl: string) {
  const name = `expedite_test_template_${randomBytes(6).toString("hex")}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () => dropDatabase(adminUrl, name);
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  await migrate(url.toString()).catch(async (error: unknown) => {
    await drop();
    throw error;
  });
  return { name, drop };
}

async function testDatabaseNames(adminUrl: string): Promise<string[]> {
  const { rows } = await withAdmin(adminUrl, (client) =>
    client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'expedite\\_test\\_%'",
    ),
  );
  return rows.map((row) => row.datname);
}

/** Databases left behind by runs that were killed before their afterAll hooks ran. */
async function dropLeftoverDatabases(adminUrl: string) {
  for (const name of await testDatabaseNames(adminUrl)) await dropDatabase(adminUrl, name);
}
