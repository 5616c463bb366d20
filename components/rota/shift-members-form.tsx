"use client";

import { useLocale, useTranslations } from "next-intl";
import { FormStatus } from "@/components/admin/form-status";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { Button } from "@/components/ui/button";
import { saveShiftMembers } from "@/lib/rota/actions";

type Candidate = {
  id: string;
  displayName: string;
  role: "APPLICANT" | "REVIEWER" | "SUPERVISOR" | "ADMIN";
  handledServices: { service: { id: string; nameZh: string; nameEn: string } }[];
};

/** Checkboxes in a fieldset, saved at once; each person shows the services they handle (what auto-assignment goes by). */
export function ShiftMembersForm({
  shiftId,
  candidates,
  selected,
}: {
  shiftId: string;
  candidates: Candidate[];
  selected: string[];
}) {
  const t = useTranslations("rota.shift");
  const tRoles = useTranslations("roles");
  const locale = useLocale();
  const { state, pending, onSubmit, failure, errorsFor } = useAdminForm(saveShiftMembers);
  const errors = errorsFor("userIds");
  if (candidates.length === 0) return <p className="text-sm text-slate-700">{t("noCandidates")}</p>;

  const describe = (person: Candidate) => {
    if (person.role === "SUPERVISOR") return t("supervisorNote");
    const names = person.handledServices.map(({ service }) =>
      locale === "zh" ? service.nameZh : service.nameEn,
    );
    return names.length > 0
      ? t("handles", { services: names.join(locale === "zh" ? "、" : ", ") })
      : t("handlesNothing");
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" name="shiftId" value={shiftId} />
      <fieldset aria-describedby={errors ? "members-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("membersLegend")}</legend>
        <ul className="mt-1 grid gap-x-4 md:grid-cols-2">
          {candidates.map((person) => (
            <li key={person.id}>
              <label className="flex min-h-11 items-start gap-3 py-1 text-sm">
                <input
                  type="checkbox"
                  name="userIds"
                  value={person.id}
                  defaultChecked={selected.includes(person.id)}
                  className="mt-0.5 size-5 shrink-0 accent-brand-600"
                />
                <span className="flex flex-col">
                  <span className="font-medium text-slate-900">
                    {person.displayName}{" "}
                    <span className="font-normal text-slate-600">· {tRoles(person.role)}</span>
                  </span>
                  <span className="text-xs text-slate-600">{describe(person)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {errors && (
          <ul id="members-error" className="text-sm text-red-700">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        aria-busy={pending}
        className="sm:self-start"
      >
        {pending ? t("membersPending") : t("membersSave")}
      </Button>
      <FormStatus
        failure={failure}
        success={
          state?.ok ? t("membersSaved", { added: state.data.added, removed: state.data.removed }) : null
        }
      />
    </form>
  );
}
