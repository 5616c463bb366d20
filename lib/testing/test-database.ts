// A fresh, uniquely named database per test file (or test), on the server the global setup
// provides, so integration tests never share data and can run in parallel.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { migrate } from "../db/migrator";
import "./provided-context";

export type TestDatabase = { url: string; name: string; drop(): Promise<void> };

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("databaseAdminUrl");
  const name = `expedite_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () =>
    withAdmin(adminUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
    );
  if (options.migrate !== false) {
    await migrate(url.toString()).catch(async (error: unknown) => {
      await drop();
      throw error;
    });
  }
  return { url: url.toString(), name, drop: async () => void (await drop()) };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
