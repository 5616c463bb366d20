import { getLocale, getTranslations } from "next-intl/server";
import { switchLocale } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/config";

const LABELS = { zh: "中文", en: "English" } as const;

/** Plain form buttons: switching works before hydration and without JavaScript. */
export async function LocaleSwitcher() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  return (
    <form
      action={switchLocale}
      aria-label={t("language")}
      className="flex rounded-lg border border-slate-200 p-0.5 text-sm"
    >
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option === "zh" ? "zh-CN" : "en"}
          aria-pressed={option === locale}
          className="min-h-9 rounded-md px-2.5 text-slate-600 aria-pressed:bg-brand-600 aria-pressed:text-white"
        >
          {LABELS[option]}
        </button>
      ))}
    </form>
  );
}
