// Gives the test run a PostgreSQL server: TEST_DATABASE_ADMIN_URL when set (CI with its own
// server), otherwise the embedded one in .data/test-pg, kept apart from the dev database.
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import "./provided-context";

const TEST_PORT = 54330;

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_ADMIN_URL;
  if (external) {
    project.provide("databaseAdminUrl", external);
    return async () => {};
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(project.config.root, ".data", "test-pg"),
    port: TEST_PORT,
  });
  // Only when we own the server: a concurrent run reusing it may be using its databases.
  if (server.owned) await dropLeftoverDatabases(server.adminUrl);
  project.provide("databaseAdminUrl", server.adminUrl);
  return async () => {
    // Another run that reused this server is still working in its databases: leave it running.
    if (server.owned && (await testDatabaseNames(server.adminUrl)).length > 0) return;
    await server.stop();
  };
}

async function testDatabaseNames(adminUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'expedite\\_test\\_%'",
    );
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

/** Databases left behind by runs that were killed before their afterAll hooks ran. */
async function dropLeftoverDatabases(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of await testDatabaseNames(adminUrl))
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
