// For tests that call Server Actions directly. The test file itself must declare
//   vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
// (mocks are hoisted per file); these helpers then set what the stubbed session returns.
import { revalidatePath } from "next/cache";
import { vi } from "vitest";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestUser } from "./fixtures";

/** FormData as a browser would send it: lists become repeated fields, files stay files. */
export function formData(values: Record<string, string | string[] | File>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values))
    for (const item of value instanceof File ? [value] : [value].flat()) data.append(key, item);
  return data;
}

/**
 * The revalidatePath calls since the last look, then forgets them (the test file mocks next/cache:
 *   vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }))).
 */
export function revalidated(): unknown[][] {
  const calls = vi.mocked(revalidatePath).mock.calls.map((call) => [...call]);
  vi.mocked(revalidatePath).mockClear();
  return calls;
}

type SessionUser = { id: string; role: Role; email: string; displayName: string };

/** The stubbed session's user: a new user of `role`, an existing user, or nobody (null). */
export async function signedInAs(who: Role | SessionUser): Promise<CurrentUser>;
export async function signedInAs(who: Role | SessionUser | null): Promise<CurrentUser | null>;
export async function signedInAs(who: Role | SessionUser | null): Promise<CurrentUser | null> {
  const user = who === null ? null : typeof who === "string" ? await createTestUser(who) : who;
  const current =
    user &&
    ({
      id: user.id,
      role: user.role,
      email: user.email,
      displayName: user.displayName,
      locale: "en",
    } as CurrentUser);
  vi.mocked(getCurrentUser).mockResolvedValue(current);
  return current;
}
