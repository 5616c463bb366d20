import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
    <div className="mx-auto max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="mb-1 text-2xl font-bold">{t("signInTitle")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("signInIntro")}</p>
      <SignInForm callbackUrl={callbackUrl} registered={params.registered === "1"} />
      <p className="mt-6 text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link href="/register" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          {t("registerLink")}
        </Link>
      </p>
    </div>
  );
}
