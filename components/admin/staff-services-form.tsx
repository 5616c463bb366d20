"use client";

import { useLocale, useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateStaffServices } from "@/lib/staff/actions";
import { CheckboxGroup } from "@/components/ui/checkbox-field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";

type Service = { id: string; code: string; nameZh: string; nameEn: string; active: boolean };

/** Checkboxes in a fieldset: the whole selection is saved at once. */
export function StaffServicesForm({
  userId,
  services,
  selected,
}: {
  userId: string;
  services: Service[];
  selected: string[];
}) {
  const t = useTranslations("admin.staff.services");
  const locale = useLocale();
  const { state, pending, onSubmit, failure, errorsFor } = useActionForm(updateStaffServices);
  if (services.length === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" name="userId" value={userId} />
      <CheckboxGroup
        id="services"
        name="serviceIds"
        legend={t("legend")}
        columns="sm:grid-cols-2"
        errors={errorsFor("serviceIds")}
        selected={selected}
        options={services.map((service) => ({
          value: service.id,
          label: (
            <span>
              {locale === "zh" ? service.nameZh : service.nameEn}
              {!service.active && <span className="ml-1 text-slate-500">{t("inactiveService")}</span>}
            </span>
          ),
        }))}
      />
      <SubmitButton pending={pending} label={t("submit")} variant="secondary" className="sm:self-start" />
      <FormStatus
        failure={failure}
        success={state?.ok ? t("saved", { added: state.data.added, removed: state.data.removed }) : null}
      />
    </form>
  );
}
