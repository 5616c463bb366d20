import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { expectLoggedErrors, loggedLines } from "@/lib/testing/log-capture";
import { authOptions } from "./options";

// Sign-in reads the browser's proof cookie (lib/rate-limit): an empty jar, as a first visit.
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));

// No test database here: the app's client points at a closed port, as when Postgres is down.
beforeAll(() => {
  process.env.DATABASE_URL = "postgresql://expedite:secret@127.0.0.1:9/expedite";
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
  process.env.ID_HASH_KEY ??= "test-id-hash-key-test-id-hash-key-000000";
});
afterAll(() => db.$disconnect());

type Authorize = (
  credentials: Record<string, string>,
  request: { headers: Record<string, string> },
) => Promise<unknown>;

function authorize(): Authorize {
  const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize;
}

describe("sign-in while the database is down", () => {
  it("answers a bare code with a reference, and logs the real error under that reference", async () => {
    expectLoggedErrors();
    const attempt = authorize()(
      { email: "someone@test.example", password: "a long password 2026" },
      { headers: {} },
    );
    const error = await attempt.then(
      () => expect.fail("sign-in succeeded without a database"),
      (thrown: unknown) => thrown as Error,
    );
    expect(error.message).toMatch(/^unavailable:[0-9a-f]{10}$/);
    const reference = error.message.slice("unavailable:".length);
    const errors = loggedLines().filter((line) => line.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reference, msg: expect.stringContaining(reference) });
    // The details stay in the server's log: that is where the host and port may appear.
    expect((errors[0]!.err as { message: string }).message).toMatch(/127\.0\.0\.1:9|reach database/i);
  });
});
