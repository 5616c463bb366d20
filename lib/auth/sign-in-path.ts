import { safeCallbackPath } from "./callback-path";

/**
 * The sign-in page that leads back to `returnTo` (checked by the callback guard); `expired` makes it
 * say the earlier session ended. Shared by pages, the header and the forms' "sign in again" link.
 */
export function signInPath(returnTo: string | null | undefined, expired = false): string {
  const params = new URLSearchParams();
  const back = safeCallbackPath(returnTo, "");
  if (back) params.set("callbackUrl", back);
  if (expired) params.set("expired", "1");
  const query = params.toString();
  return query ? `/signin?${query}` : "/signin";
}
