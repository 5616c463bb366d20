import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getCurrentUser } from "@/lib/auth/session";
import { homePathFor } from "@/lib/auth/roles";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("registerTitle") };
}

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Where the person was going: kept through registration and the emailed link (decision 010).
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl, "");
  const user = await getCurrentUser();
  if (user) redirect(callbackUrl || homePathFor(user.role));
  const t = await getTranslations("auth");
  const signInHref = callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin";
  return (
    <AuthCard
      title={t("registerTitle")}
      intro={t("registerIntro")}
      footer={{ text: t("haveAccount"), linkLabel: t("signInLink"), href: signInHref }}
    >
      <RegisterForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
