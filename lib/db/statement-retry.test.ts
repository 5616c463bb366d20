import { afterAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";

// One connection, and a statement gives up waiting for it after 300 ms (read on the client's first use).
process.env.DATABASE_POOL_MAX = "1";
process.env.DATABASE_POOL_TIMEOUT_MS = "300";
afterAll(() => {
  delete process.env.DATABASE_POOL_MAX;
  delete process.env.DATABASE_POOL_TIMEOUT_MS;
});

withTestDatabase();

it("retries a statement that found no free connection, and it succeeds once one is free", async () => {
  // Opening the one connection is bounded by the same timeout, and a busy machine can exceed it.
  for (let tries = 1; ; tries++) {
    const opened = await db.$queryRaw`SELECT 1`.then(
      () => true,
      () => false,
    );
    if (opened) break;
    if (tries === 20) throw new Error("could not open the connection");
  }
  let release!: () => void;
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const holding = db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      started();
      await new Promise<void>((resolve) => (release = resolve));
    },
    { timeout: 10_000 },
  );
  await running;
  // Free the only connection after more than one pool timeout, well within the retries' total.
  setTimeout(() => release(), 450);
  await expect(db.user.count()).resolves.toBe(0);
  await holding;
});
