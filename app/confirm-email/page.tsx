import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth.confirm"))("title") };
}

/**
 * Where the emailed link leads. Opening it changes nothing: the button posts the token, so a mail
 * scanner that follows links cannot use them up.
 */
export default async function ConfirmEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <AuthCard
      title={t("confirm.title")}
      intro={t("confirm.intro")}
      footer={{ text: t("haveAccount"), linkLabel: t("signInLink"), href: "/signin" }}
    >
      <ConfirmEmailForm token={typeof token === "string" ? token.slice(0, 128) : ""} />
    </AuthCard>
  );
}
