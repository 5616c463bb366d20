import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { OnDutyStaff } from "@/lib/rota/on-duty-data";

type Props = { reviewers: OnDutyStaff[]; supervisors: OnDutyStaff[] };

/** Who is on duty right now, least-loaded first (the order auto-assignment uses). */
export async function OnDutyPanel({ reviewers, supervisors }: Props) {
  const t = await getTranslations("rota.onDuty");
  const groups = [
    { id: "on-duty-reviewers", label: t("reviewers"), people: reviewers, empty: t("noReviewers") },
    { id: "on-duty-supervisors", label: t("supervisors"), people: supervisors, empty: t("noSupervisors") },
  ];
  return (
    <Card headingId="on-duty-heading" heading={t("heading")}>
      <div className="grid gap-4 md:grid-cols-2">
        {groups.map((group) => (
          <div key={group.id}>
            <h3 id={group.id} className="text-sm font-semibold text-slate-700">
              {group.label}
            </h3>
            {group.people.length === 0 ? (
              <p className="mt-1 text-sm text-amber-800">{group.empty}</p>
            ) : (
              <ul aria-labelledby={group.id} className="mt-1 divide-y divide-slate-100 text-sm">
                {group.people.map((person) => (
                  <li key={person.id} className="flex min-h-11 items-center justify-between gap-3">
                    <span className="font-medium text-slate-900">{person.displayName}</span>
                    <span className="text-slate-600 tabular-nums">
                      {t("openCases", { count: person.openCases })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </Card>
  );
}
