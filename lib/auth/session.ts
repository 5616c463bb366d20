import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options";
import { canAccess, type Area } from "./roles";
import { userForSession } from "./session-token";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof userForSession>>>;

/**
 * The signed-in user as the database knows them right now (once per request), or null.
 * A deactivated or deleted account, or a session ended since (sign-out, password or role change),
 * is null even while its session cookie is still valid.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> =>
  userForSession(await getServerSession(authOptions)),
);

/** For pages: sends visitors to sign in and the wrong roles to the "no access" page. */
export async function requireArea(area: Area, currentPath: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(currentPath)}`);
  if (!canAccess(user.role, area)) redirect(`/forbidden?area=${area}`);
  return user;
}
