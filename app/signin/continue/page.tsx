import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { homePathFor } from "@/lib/auth/roles";

/** After sign-in: the server, which knows the role, picks the landing page. */
export default async function ContinueAfterSignIn({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  redirect(safeCallbackPath(callbackUrl, homePathFor(user.role)));
}
