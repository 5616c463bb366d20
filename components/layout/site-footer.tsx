import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/text-link";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-slate-600 sm:px-6">
        <p>{t("tagline")}</p>
        <p>{t("privacy")}</p>
        <p>
          <TextLink href="/developers">{t("developers")}</TextLink>
        </p>
      </div>
    </footer>
  );
}
