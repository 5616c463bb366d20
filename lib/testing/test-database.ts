// A fresh, uniquely named database per test file (or test), on the server the global setup
// provides, so integration tests never share data and can run in parallel.
import { randomBytes } from "node:crypto";
import { dropDatabase, withAdmin } from "./admin-client";
import { inject } from "vitest";
import "./provided-context";

export type TestDatabase = { url: string; name: string; drop(): Promise<void> };

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("databaseAdminUrl");
  const name = `expedite_test_${randomBytes(6).toString("hex")}`;
  // Migrated: a copy of the global setup's migrated template (vitest-global-setup.ts).
  const template = options.migrate === false ? null : inject("migratedTemplate");
  await withAdmin(adminUrl, (client) =>
    client.query(
      `CREATE DATABASE ${client.escapeIdentifier(name)}${template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ""}`,
    ),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => dropDatabase(adminUrl, name) };
}
