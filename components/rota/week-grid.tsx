import { getLocale, getTranslations } from "next-intl/server";
import { formatClock } from "@/lib/rota/clock";
import type { RotaShift } from "@/lib/rota/data";
import { WEEKDAYS } from "@/lib/rota/schema";
import { crossesMidnight } from "@/lib/rota/shift-time";
import { TextLink } from "@/components/ui/text-link";
import { shiftName } from "@/lib/rota/shift-name";

/**
 * The week as one titled list per weekday (two columns from tablet width up), each shift with its
 * times and people. Editors get an edit link per shift.
 */
export async function WeekGrid({ shifts, editable }: { shifts: RotaShift[]; editable: boolean }) {
  const [t, tRoles, locale] = await Promise.all([
    getTranslations("rota"),
    getTranslations("roles"),
    getLocale(),
  ]);
  return (
    <section aria-labelledby="week-heading" className="flex flex-col gap-3">
      <h2 id="week-heading" className="text-lg font-semibold">
        {t("week.heading")}
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        {WEEKDAYS.map((weekday) => {
          const day = shifts.filter((shift) => shift.weekday === weekday);
          const dayName = t(`weekdays.${weekday}`);
          return (
            <section
              key={weekday}
              aria-labelledby={`weekday-${weekday}`}
              className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4"
            >
              <h3 id={`weekday-${weekday}`} className="font-semibold">
                {dayName}
              </h3>
              {day.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">{t("week.noShifts")}</p>
              ) : (
                <ul className="mt-2 flex flex-col divide-y divide-slate-100">
                  {day.map((shift) => {
                    const times = {
                      start: formatClock(shift.startMinute),
                      end: formatClock(shift.endMinute),
                    };
                    // A deactivated colleague is off every shift in effect (never on duty), so not shown.
                    const members = shift.members.filter((member) => member.active);
                    return (
                      <li key={shift.id} className="flex flex-col gap-1 py-2">
                        <div className="flex flex-wrap items-center justify-between gap-2">
                          <p>
                            <span className="font-medium text-slate-900">
                              {shiftName(shift.name, locale)}
                            </span>{" "}
                            <span className="text-sm text-slate-600 tabular-nums">
                              {t(crossesMidnight(shift) ? "week.overnight" : "week.times", times)}
                            </span>
                          </p>
                          {editable && (
                            <TextLink
                              href={`/console/rota/${shift.id}`}
                              aria-label={t("week.editLabel", {
                                name: shiftName(shift.name, locale),
                                weekday: dayName,
                              })}
                              className="px-2"
                            >
                              {t("week.edit")}
                            </TextLink>
                          )}
                        </div>
                        {members.length === 0 ? (
                          <p className="text-sm text-amber-800">{t("week.nobody")}</p>
                        ) : (
                          <ul aria-label={t("week.members")} className="flex flex-wrap gap-1.5 text-xs">
                            {members.map((member) => (
                              <li
                                key={member.id}
                                className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-800"
                              >
                                {member.displayName} · {tRoles(member.role)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
