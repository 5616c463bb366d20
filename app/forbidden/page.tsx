import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { homePathFor } from "@/lib/auth/roles";

export async function generateMetadata() {
  return { title: (await getTranslations("forbidden"))("title") };
}

export default async function ForbiddenPage() {
  const t = await getTranslations("forbidden");
  const user = await getCurrentUser();
  return (
    <div className="mx-auto max-w-lg text-center">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      <Link href={user ? homePathFor(user.role) : "/"} className={buttonClasses("primary", "mt-6")}>
        {t("back")}
      </Link>
    </div>
  );
}
