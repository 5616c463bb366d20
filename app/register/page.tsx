import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { getCurrentUser } from "@/lib/auth/session";
import { homePathFor } from "@/lib/auth/roles";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("registerTitle") };
}

export default async function RegisterPage() {
  const user = await getCurrentUser();
  if (user) redirect(homePathFor(user.role));
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("registerTitle")} intro={t("registerIntro")} footer={{ text: t("haveAccount"), linkLabel: t("signInLink"), href: "/signin" }}>
      <RegisterForm />
    </AuthCard>
  );
}
