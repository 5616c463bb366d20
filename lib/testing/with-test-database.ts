import { afterAll, beforeAll } from "vitest";
import { db } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * For integration tests of lib/ modules: a fresh migrated database for this test file, wired into
 * the app's own Prisma client (lib/db.ts reads the environment on first use, which comes after this).
 */
export function withTestDatabase(): { current: () => TestDatabase } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    process.env.ID_HASH_KEY ??= "test-id-hash-key-test-id-hash-key-000000";
    // Every message at once unless a test asks for a quiet window (decision 027).
    process.env.NOTIFICATION_QUIET_SECONDS ??= "0";
  });
  afterAll(async () => {
    await db.$disconnect();
    await database?.drop();
  });
  return {
    current: () => {
      if (!database) throw new Error("The test database is created in beforeAll; use it inside tests.");
      return database;
    },
  };
}
