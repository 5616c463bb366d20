import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatMoney, type MoneyLocale } from "@/lib/catalog/fees";
import { getFormat } from "@/lib/i18n/server-format";
import type { UpgradeOffer } from "@/lib/workflow/tier-data";
import { UpgradeDialog } from "./upgrade-dialog";

type Props = {
  offer: UpgradeOffer;
  applicationId: string;
  number: string;
  displayNumber: string;
  version: number;
  currency: string;
};

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

/** "Faster handling" on the applicant's case page (decision 032): each faster tier with its price. */
export async function UpgradeCard({ offer, applicationId, number, displayNumber, version, currency }: Props) {
  if (offer.kind === "none") return null;
  const [t, tTiers, format, locale] = await Promise.all([
    getTranslations("case.upgrade"),
    getTranslations("catalog.tiers"),
    getFormat(),
    getLocale(),
  ]);
  const money = (minor: number) => formatMoney(minor, currency, locale as MoneyLocale);
  return (
    <Card headingId="upgrade-heading" heading={t("heading")}>
      {offer.kind === "payFirst" ? (
        <div className="flex flex-col gap-3">
          <p className="text-slate-700">{t("payFirst")}</p>
          <Link
            href={`/portal/applications/${number}/pay`}
            className={buttonClasses("secondary", "w-full sm:w-auto sm:self-start")}
          >
            {t("payFirstLink")}
          </Link>
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          <p className="text-slate-700">{t("intro")}</p>
          <ul className="flex flex-col gap-3">
            {offer.options.map((option) => {
              const tierName = tTiers(option.tier);
              const time = format.dateTime(option.caseDueAt, WHEN);
              const amount = option.differenceMinor > 0 ? money(option.differenceMinor) : null;
              return (
                <li
                  key={option.tier}
                  className="flex flex-col gap-2 border-t border-slate-100 pt-3 first:border-t-0 first:pt-0"
                >
                  <p className="text-slate-800">
                    {t("option", { tier: tierName, time, amount: amount ?? money(0) })}
                  </p>
                  <UpgradeDialog
                    applicationId={applicationId}
                    version={version}
                    displayNumber={displayNumber}
                    tier={option.tier as "URGENT" | "EXPRESS"}
                    tierName={tierName}
                    amount={amount}
                    time={time}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </Card>
  );
}
