import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getCurrentUser } from "@/lib/auth/session";
import { homePathFor } from "@/lib/auth/roles";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

type Params = Record<string, string | string[] | undefined>;

/** What the page was sent here to say: a confirmed email, an expired session, or the outcome of an unlock link. */
function signInNotice(
  params: Params,
  t: (key: "confirmedNotice" | "unlockedNotice" | "unlockInvalid" | "expiredNotice") => string,
) {
  if (params.confirmed === "1") return { tone: "success" as const, text: t("confirmedNotice") };
  if (params.expired === "1") return { tone: "error" as const, text: t("expiredNotice") };
  if (params.unlock === "ok") return { tone: "success" as const, text: t("unlockedNotice") };
  if (params.unlock === "invalid") return { tone: "error" as const, text: t("unlockInvalid") };
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const user = await getCurrentUser();
  // Checked here already, so nothing downstream ever holds an unchecked return address.
  const callbackUrl = safeCallbackPath(params.callbackUrl, "");
  if (user) redirect(callbackUrl || homePathFor(user.role));
  const t = await getTranslations("auth");
  const registerHref = callbackUrl ? `/register?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/register";
  return (
    <AuthCard
      title={t("signInTitle")}
      intro={t("signInIntro")}
      footer={{ text: t("noAccount"), linkLabel: t("registerLink"), href: registerHref }}
    >
      <SignInForm callbackUrl={callbackUrl} notice={signInNotice(params, t)} />
    </AuthCard>
  );
}
