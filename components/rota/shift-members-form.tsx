"use client";

import { useLocale, useTranslations } from "next-intl";
import { CheckboxGroup } from "@/components/ui/checkbox-field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { SubmitButton } from "@/components/ui/submit-button";
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
  const { state, pending, onSubmit, failure, errorsFor } = useActionForm(saveShiftMembers);
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
      <CheckboxGroup
        id="members"
        name="userIds"
        legend={t("membersLegend")}
        columns="md:grid-cols-2"
        errors={errorsFor("userIds")}
        selected={selected}
        options={candidates.map((person) => ({
          value: person.id,
          label: (
            <span className="flex flex-col">
              <span className="font-medium text-slate-900">
                {person.displayName}{" "}
                <span className="font-normal text-slate-600">· {tRoles(person.role)}</span>
              </span>
              <span className="text-xs text-slate-600">{describe(person)}</span>
            </span>
          ),
        }))}
      />
      <SubmitButton
        pending={pending}
        label={t("membersSave")}
        pendingLabel={t("membersPending")}
        variant="secondary"
        className="sm:self-start"
      />
      <FormStatus
        failure={failure}
        success={
          state?.ok ? t("membersSaved", { added: state.data.added, removed: state.data.removed }) : null
        }
      />
    </form>
  );
}
