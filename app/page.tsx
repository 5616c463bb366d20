import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ServiceCard } from "@/components/catalog/service-card";
import { buttonClasses } from "@/components/ui/button";
import { listActiveServices } from "@/lib/catalog/data";
import { TextLink } from "@/components/ui/text-link";

const STEPS = ["file", "pay", "follow"] as const;

export default async function HomePage() {
  const t = await getTranslations("home");
  const services = (await listActiveServices()).slice(0, 3);
  return (
    <div className="flex flex-col gap-12">
      {/* At night the turned-over palette would make this a bright block: it stays deep blue (decision 029). */}
      <section className="rounded-3xl bg-gradient-to-br from-brand-900 to-brand-600 px-6 py-10 text-white sm:px-10 sm:py-14 dark:from-brand-50 dark:to-brand-100 dark:text-slate-900">
        <p className="text-sm font-semibold uppercase tracking-widest text-brand-100 dark:text-brand-900">
          {t("eyebrow")}
        </p>
        <h1 className="mt-2 max-w-2xl text-3xl font-bold leading-tight sm:text-5xl">{t("headline")}</h1>
        <p className="mt-4 max-w-2xl text-lg text-brand-100 dark:text-brand-900">{t("lead")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/portal/apply" className={buttonClasses("secondary")}>
            {t("ctaApply")}
          </Link>
          <Link
            href="/track"
            className={buttonClasses(
              "primary",
              "border border-white/40 bg-white/10 hover:bg-white/20 dark:border-brand-300 dark:bg-transparent dark:text-slate-900",
            )}
          >
            {t("ctaTrack")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="how-it-works">
        <h2 id="how-it-works" className="text-2xl font-bold">
          {t("howTitle")}
        </h2>
        <ol className="mt-4 grid gap-4 sm:grid-cols-3">
          {STEPS.map((step, index) => (
            <li key={step} className="rounded-2xl border border-slate-200 bg-white p-5">
              <span
                aria-hidden="true"
                className="grid size-8 place-items-center rounded-full bg-brand-50 font-bold text-brand-700"
              >
                {index + 1}
              </span>
              <h3 className="mt-3 font-semibold">{t(`steps.${step}.title`)}</h3>
              <p className="mt-1 text-sm text-slate-600">{t(`steps.${step}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="popular-services">
        <div className="flex items-end justify-between gap-4">
          <h2 id="popular-services" className="text-2xl font-bold">
            {t("servicesTitle")}
          </h2>
          <TextLink href="/services" inline>
            {t("allServices")}
          </TextLink>
        </div>
        <div className="mt-4 grid gap-4 lg:grid-cols-3">
          {services.map((service) => (
            <ServiceCard key={service.id} service={service} />
          ))}
        </div>
      </section>
    </div>
  );
}
