import "server-only";
import { db } from "@/lib/db";

export async function checkDatabase(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/** Thrown where a page learns the database is down; its message is shown to no one (Next sends only a digest). */
export class DatabaseUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("The database is unreachable", options);
    this.name = "DatabaseUnavailableError";
  }
}

// A success is trusted this long, so a busy server probes about once per interval, not per page.
const REACHABLE_FOR_MS = 2_000;
let lastReachableAt = 0;
let probe: Promise<void> | undefined;

/**
 * For the root layout: throws while the database cannot be reached. A page's own queries run
 * inside a Suspense boundary (its loading.tsx), after Next has already sent "200 OK" with the
 * page's shell; only an error thrown before that boundary, in the layout, turns into a 500.
 * Concurrent requests share one probe; a failure is never remembered, so recovery shows at once.
 */
export async function assertDatabaseReachable(now = Date.now()): Promise<void> {
  if (now - lastReachableAt < REACHABLE_FOR_MS) return;
  probe ??= db.$queryRaw`SELECT 1`
    .then(
      () => {
        lastReachableAt = Date.now();
      },
      (error: unknown) => {
        throw new DatabaseUnavailableError({ cause: error });
      },
    )
    .finally(() => {
      probe = undefined;
    });
  return probe;
}
