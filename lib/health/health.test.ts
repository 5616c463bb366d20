import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DatabaseUnavailableError, assertDatabaseReachable, checkDatabase } from "./data";

// No test database: the app's client points at a closed port, as when Postgres is down.
beforeAll(() => {
  process.env.DATABASE_URL = "postgresql://expedite:secret@127.0.0.1:9/expedite";
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
  process.env.ID_HASH_KEY ??= "test-id-hash-key-test-id-hash-key-000000";
});
afterAll(() => db.$disconnect());

it("reports the database down, to the health check and to the layout, without its address", async () => {
  expect(await checkDatabase()).toBe(false);
  // Two requests at once share one probe; a later one probes again (failures are not remembered).
  const [first, second] = await Promise.allSettled([assertDatabaseReachable(), assertDatabaseReachable()]);
  for (const result of [first, second]) {
    expect(result.status).toBe("rejected");
    const error = (result as PromiseRejectedResult).reason as Error;
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error.message).not.toMatch(/127\.0\.0\.1|:9\b/);
  }
  await expect(assertDatabaseReachable()).rejects.toBeInstanceOf(DatabaseUnavailableError);
});
