import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
    <div className="mx-auto max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="mb-1 text-2xl font-bold">{t("registerTitle")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("registerIntro")}</p>
      <RegisterForm />
      <p className="mt-6 text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/signin" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          {t("signInLink")}
        </Link>
      </p>
    </div>
  );
}
