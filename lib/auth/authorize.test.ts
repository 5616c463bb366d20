import { randomInt, randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { cheapPasswordHash } from "@/lib/testing/password-hash";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { authOptions } from "./options";

// next-auth's credentials `authorize` as both the /api/auth route and the sign-in action call it
// (next-auth hands it the real request's headers, read through next/headers). Only the request is
// stood in for: the client address our server resolved, and the cookie jar.
let clientIp = "";
let jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": clientIp, host: "localhost:3000" }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (nameOrCookie: string | { name: string; value: string }, value?: string) => {
      if (typeof nameOrCookie === "string") jar.set(nameOrCookie, value!);
      else jar.set(nameOrCookie.name, nameOrCookie.value);
    },
  }),
}));

withTestDatabase();

const PASSWORD = "right password 1";

async function makeUser() {
  const email = `signin-${randomUUID()}@test.example`;
  await db.user.create({
    data: { email, displayName: "Test", passwordHash: await cheapPasswordHash(PASSWORD) },
  });
  return email;
}

type Authorize = (
  credentials: Record<string, string>,
  request: { headers: Record<string, string> },
) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options
  .authorize;

/** "signedIn", "invalid" or "throttled:<seconds>", as the sign-in form is told. */
async function signIn(email: string, password: string): Promise<string> {
  try {
    return (await authorize({ email, password }, { headers: { "x-forwarded-for": clientIp } }))
      ? "signedIn"
      : "invalid";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

beforeEach(() => {
  clientIp = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;
  jar = new Map();
});

describe("authorize (next-auth credentials)", () => {
  it(
    "signs in and slows down an address guessing across accounts, keyed by the resolved client address",
    { timeout: 90_000 },
    async () => {
      const email = await makeUser();
      expect(await signIn(email, PASSWORD)).toBe("signedIn");
      jar = new Map();
      for (let attempt = 0; attempt < 20; attempt++) {
        expect(await signIn(`nobody-${attempt}-${randomUUID()}@test.example`, "whatever 1")).toBe("invalid");
      }
      expect(await signIn(email, PASSWORD)).toMatch(/^throttled:[1-6]?\d$/);
    },
  );

  it(
    "remembers the browser that signed in, which then gets in while strangers keep the account drained",
    { timeout: 60_000 },
    async () => {
      const email = await makeUser();
      expect(await signIn(email, PASSWORD)).toBe("signedIn");
      const ownersCookies = new Map([...jar].filter(([name]) => name === "expedite_proven"));
      expect(ownersCookies.size).toBe(1);

      jar = new Map();
      for (let attempt = 0; attempt < 6; attempt++) {
        clientIp = `10.0.${attempt}.1`;
        await signIn(email, `wrong ${attempt}`);
      }
      // The account's wait (ten minutes), not the address's: the guesses came from six addresses.
      expect(await signIn(email, PASSWORD)).toMatch(/^throttled:(5\d\d|600)$/);
      jar = new Map(ownersCookies);
      expect(await signIn(email, PASSWORD)).toBe("signedIn");
    },
  );
});
