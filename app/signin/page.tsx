import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { homePathFor, safeCallbackPath } from "@/lib/auth/roles";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const user = await getCurrentUser();
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : "";
  if (user) redirect(safeCallbackPath(callbackUrl, homePathFor(user.role)));
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("signInTitle")} intro={t("signInIntro")} footer={{ text: t("noAccount"), linkLabel: t("registerLink"), href: "/register" }}>
      <SignInForm callbackUrl={callbackUrl} registered={params.registered === "1"} />
    </AuthCard>
  );
}
