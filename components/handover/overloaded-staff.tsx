import { getLocale, getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/text-link";
import type { OverloadedPerson } from "@/lib/rota/load-data";

/** People over a service's load threshold, each with a link to rebalance their cases; nothing when nobody is. */
export async function OverloadedStaff({ people }: { people: OverloadedPerson[] }) {
  if (people.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("rota.rebalance.overloaded"), getLocale()]);
  return (
    <section
      aria-labelledby="overloaded-heading"
      className="flex flex-col gap-2 rounded-2xl border border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="overloaded-heading" className="text-base font-semibold">
        {t("heading")}
      </h2>
      <ul className="flex flex-col gap-2 text-sm">
        {people.map((person) => (
          <li
            key={`${person.userId}:${person.serviceId}`}
            className="flex flex-col gap-1 sm:flex-row sm:gap-3"
          >
            <span>
              {t("item", {
                name: person.displayName,
                count: person.openCases,
                service: locale === "zh" ? person.nameZh : person.nameEn,
                threshold: person.threshold,
              })}
            </span>
            <TextLink href={`/console/handover?from=${person.userId}#rebalance`}>
              {t("link", { name: person.displayName })}
            </TextLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
