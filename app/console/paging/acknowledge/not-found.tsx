import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/text-link";

/** The acknowledge link is unknown, expired or someone else's: said plainly, with where to go instead. */
export default async function PageLinkNotFound() {
  const t = await getTranslations("rota.paging");
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-bold">{t("invalidTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("invalidBody")}</p>
      <TextLink href="/console">{t("toQueue")}</TextLink>
    </div>
  );
}
