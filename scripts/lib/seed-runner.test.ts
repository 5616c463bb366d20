import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { runSeed } from "./seed-runner";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("runSeed", () => {
  it("is safe when two starts seed the same database at once", async () => {
    await Promise.all([runSeed(database.url, "k".repeat(32)), runSeed(database.url, "k".repeat(32))]);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ users: string; cases: string; events: string }>(
        `SELECT (SELECT count(*) FROM "user") AS users, (SELECT count(*) FROM application) AS cases, (SELECT count(*) FROM timeline_event) AS events`,
      );
      expect(rows[0]).toEqual({ users: "5", cases: "6", events: "16" });
    } finally {
      await client.end();
    }
  });
});
