import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path";
import { safeCallbackPath } from "./callback-path";
import { authOptions } from "./options";
import { signInPath } from "./sign-in-path";
import { canAccess, type Area } from "./roles";
import { userForSession } from "./session-token";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof userForSession>>>;

/**
 * The signed-in user as the database knows them right now (once per request), or null.
 * A deactivated or deleted account, or a session ended since (sign-out, password or role change),
 * is null even while its session cookie is still valid.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> =>
  userForSession(await currentSession()),
);

const currentSession = cache(() => getServerSession(authOptions));

/** Signed in with "this is a shared computer": the browser is to keep no drafts or personal data. */
export async function isSharedDeviceSession(): Promise<boolean> {
  return (await currentSession())?.user?.sharedDevice === true;
}

/**
 * For pages: sends visitors to sign in and the wrong roles to the "no access" page. Sign-in leads
 * back to the exact page asked for, query included (set by the proxy); `currentPath` when unknown.
 * A session the browser still holds but the server no longer accepts is named as expired.
 */
export async function requireArea(area: Area, currentPath: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const session = await currentSession();
    const asked = safeCallbackPath((await headers()).get(REQUEST_PATH_HEADER), currentPath);
    redirect(signInPath(asked, session !== null));
  }
  if (!canAccess(user.role, area)) redirect(`/forbidden?area=${area}`);
  return user;
}
